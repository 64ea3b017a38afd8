import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openApp } from './helpers';

const nowMs = async (page: Page) =>
  Number(await page.getByRole('slider', { name: 'Time' }).getAttribute('aria-valuenow'));

/** Where the first chart's now-cursor stands, in page px. */
const cursorX = async (page: Page) => {
  const box = await page.getByTestId('plot-now').first().boundingBox();
  return box ? box.x : Number.NaN;
};

test('the Plots tab charts Raft’s series; its cursor follows the timeline and a click seeks', async ({ page }) => {
  await openApp(page, { preset: 'raft/leader-crash', paused: '' });
  await page.getByRole('tab', { name: 'Plots' }).click();
  const term = page.getByRole('figure', { name: 'Term plot' });
  await expect(term).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Commit index plot' })).toBeVisible();
  // One line a node, and the legend names each.
  await expect(term.getByRole('list', { name: 'Term lines' }).getByRole('listitem')).toHaveText([
    'n1',
    'n2',
    'n3',
    'n4',
    'n5',
  ]);

  // Seek by the timeline: the cursor moves right.
  const before = await cursorX(page);
  const slider = page.getByRole('slider', { name: 'Time' });
  const track = await slider.boundingBox();
  if (!track) throw new Error('no slider');
  await page.mouse.click(track.x + track.width * 0.6, track.y + track.height / 2);
  await expect.poll(() => nowMs(page)).toBeGreaterThan(1000);
  await expect.poll(() => cursorX(page)).toBeGreaterThan(before + 50);
  await expect(term).toContainText(/sampled to [1-9]/);

  // A click on the chart, a fifth of the way in, seeks back there.
  const far = await nowMs(page);
  const canvas = term.locator('canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no chart');
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height / 2);
  await expect.poll(() => nowMs(page)).toBeLessThan(far);
  await expect.poll(async () => Math.abs((await cursorX(page)) - (box.x + box.width * 0.25))).toBeLessThan(40);

  await expectNoSeriousViolations(page, 'the Plots tab');
  await page.screenshot({ path: 'test-results/screens/plots-1280.png' });
  // Wide, the tabs sit beside the protocol's panel: the Plots tab is there too, clean and legible.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(page.getByRole('heading', { name: 'Space-time diagram' })).toBeVisible();
  await page.getByRole('tab', { name: 'Plots' }).click();
  await expect(page.getByRole('figure', { name: 'Term plot' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the Plots tab, wide');
  await page.screenshot({ path: 'test-results/screens/plots-1920.png' });
});
