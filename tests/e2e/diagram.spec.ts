import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openApp, openTab } from './helpers';

interface Hook {
  now(): number;
  deliveredIds(): number[];
}
const deliveredIds = (page: Page) =>
  page.evaluate(() => (window as unknown as { __netsplit: Hook }).__netsplit.deliveredIds());
const nowMs = (page: Page) => page.evaluate(() => (window as unknown as { __netsplit: Hook }).__netsplit.now());

/** Opens a scripted run paused at its end (3 s), with the diagram showing. */
async function firstElectionAtItsEnd(page: Page) {
  await openApp(page, { preset: 'raft/first-election', paused: '' });
  const slider = page.getByRole('slider', { name: 'Time' });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuenow', '3000');
  await page.getByRole('tab', { name: 'Space-time diagram' }).click();
  return { slider, diagram: page.getByRole('application', { name: 'Space-time diagram' }) };
}

test('the diagram shows exactly one arrow per delivered message of a scripted run', async ({ page }) => {
  const { diagram } = await firstElectionAtItsEnd(page);
  // Zoom out until the window covers the whole three-second run.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Show more time' }).click();
  await expect(page.locator('span', { hasText: /^5 s$/ })).toBeVisible();
  const delivered = await deliveredIds(page);
  expect(delivered.length).toBeGreaterThan(100);
  const arrows = diagram.locator('[data-message-id][data-fate="delivered"]');
  await expect(arrows).toHaveCount(delivered.length);
  const drawn = await arrows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-message-id'))));
  expect(drawn.sort((a, b) => a - b)).toEqual([...delivered].sort((a, b) => a - b));
});

test('clicking the diagram seeks to the time under the pointer', async ({ page }) => {
  const { slider, diagram } = await firstElectionAtItsEnd(page);
  const box = await diagram.boundingBox();
  if (!box) throw new Error('no diagram');
  await page.mouse.click(box.x + box.width * 0.4, box.y + box.height - 12);
  // The 500 ms window ends just past now (3 s): 40% across is about 2.7 s.
  await expect.poll(async () => Number(await slider.getAttribute('aria-valuenow'))).toBeLessThan(3000);
  const t = Number(await slider.getAttribute('aria-valuenow'));
  expect(t).toBeGreaterThan(2540);
  expect(await nowMs(page)).toBe(t);
  await expect(page.getByRole('status', { name: 'Simulated time' })).toHaveText(
    `t = ${(Math.floor(t / 10) / 100).toFixed(2)} s`,
  );
});

test('hovering a message in the diagram highlights it on the canvas, and the other way round', async ({ page }) => {
  const { diagram } = await firstElectionAtItsEnd(page);
  const inFlight = diagram.locator('[data-message-id][data-fate="inFlight"]');
  await expect
    .poll(async () => {
      if ((await inFlight.count()) > 0) return true;
      await page.getByRole('button', { name: 'Step forward' }).click();
      return false;
    })
    .toBe(true);
  const arrow = inFlight.first();
  const id = await arrow.getAttribute('data-message-id');
  const onCanvas = page.getByRole('button', { name: new RegExp(`^Message ${id}: `) });
  await expect(onCanvas).not.toHaveClass(/is-highlighted/);
  await arrow.locator('line').last().hover({ force: true });
  await expect(onCanvas).toHaveClass(/is-highlighted/);
  await page.mouse.move(0, 0);
  await expect(onCanvas).not.toHaveClass(/is-highlighted/);
  await onCanvas.hover();
  // The diagram draws a highlighted arrow with a wide amber line under it.
  await expect(diagram.locator(`[data-message-id="${id}"] line`)).toHaveCount(3);
});

test('pictures of the canvas and the diagram download as PNG and SVG', async ({ page }) => {
  await firstElectionAtItsEnd(page);
  const save = async (name: string) => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name }).click();
    const file = await download;
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  };
  const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const diagramPng = await save('Save diagram as PNG');
  expect(diagramPng.name).toMatch(/^first-election.*-diagram-3000ms\.png$/);
  expect(diagramPng.bytes.subarray(0, 8).equals(pngSignature)).toBe(true);
  const diagramSvg = await save('Save diagram as SVG');
  expect(diagramSvg.name).toMatch(/-diagram-3000ms\.svg$/);
  expect(diagramSvg.bytes.toString('utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  await openTab(page, 'Run');
  const canvasPng = await save('Save canvas as PNG');
  expect(canvasPng.name).toMatch(/-canvas-3000ms\.png$/);
  expect(canvasPng.bytes.subarray(0, 8).equals(pngSignature)).toBe(true);
  const canvasSvg = await save('Save canvas as SVG');
  expect(canvasSvg.name).toMatch(/-canvas-3000ms\.svg$/);
  const svg = canvasSvg.bytes.toString('utf8');
  for (const id of ['n1', 'n2', 'n3', 'n4', 'n5']) expect(svg).toContain(`data-node="${id}"`);
  expect(svg).toContain('leader');
});

test('axe finds no serious or critical problems with the diagram and the script showing', async ({ page }) => {
  await firstElectionAtItsEnd(page);
  await page.getByRole('tab', { name: 'Script' }).click();
  await expectNoSeriousViolations(page, 'diagram and script');
});
