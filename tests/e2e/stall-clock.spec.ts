import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openApp, openTab } from './helpers';

/** The time and trace hash a person's run stands at, read through the test hook. */
async function fingerprint(page: Page): Promise<{ now: number; hash: string }> {
  await page.waitForFunction(() => '__netsplit' in window);
  return page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the test hook is untyped on window.
    const hook = (window as any).__netsplit;
    return { now: hook.now(), hash: hook.traceHash() };
  });
}

async function goToEnd(page: Page): Promise<void> {
  await page.getByRole('slider', { name: 'Time' }).focus();
  await page.keyboard.press('End');
}

test('a process pause and a clock change made by clicking show in the Script tab and replay from a share link', async ({
  page,
  browser,
}) => {
  await openApp(page, { paused: '' });

  await page.getByRole('button', { name: 'Actions for n2' }).click();
  await page.getByRole('menuitem', { name: 'Pause process (GC) for …' }).click();
  const pause = page.getByRole('dialog', { name: "Pause n2's process" });
  await pause.getByRole('spinbutton', { name: 'Pause length (ms)' }).fill('2400');
  await pause.getByRole('button', { name: 'Pause n2' }).click();
  // Said in words on the card, never by colour alone.
  await expect(page.getByRole('group', { name: 'Server n2' })).toContainText('❚❚ PAUSED until 2.40 s');

  await page.getByRole('button', { name: 'Actions for n3' }).click();
  await page.getByRole('menuitem', { name: 'Clock …' }).click();
  const clock = page.getByRole('dialog', { name: 'Clock of n3' });
  await expectNoSeriousViolations(page, "the node menu's clock form");
  await clock.getByRole('combobox', { name: 'Change' }).selectOption('driftPpm');
  await clock.getByRole('spinbutton', { name: 'Amount (ppm)' }).fill('5000');
  await clock.getByRole('button', { name: "Change n3's clock" }).click();

  await page.getByRole('group', { name: 'Server n3' }).click();
  await openTab(page, 'Inspect');
  await expect(page.getByText(/Local clock reads .* drift \+5000 ppm/)).toBeVisible();

  await expectNoSeriousViolations(page, 'a paused node on the canvas, a clock in the Inspector');

  await openTab(page, 'Faults');
  const clocks = page.getByRole('region', { name: 'Clocks' });
  await clocks.getByRole('spinbutton', { name: 'Amount (ms)' }).fill('-30');
  await clocks.getByRole('button', { name: "Apply to every node's clock" }).click();

  await openTab(page, 'Script');
  await expect(page.getByText('stall n2 for 2.4 s', { exact: true })).toBeVisible();
  await expect(page.getByText('clock n5: offset -30 ms', { exact: true })).toBeVisible();
  await expect(page.getByText('clock n3: drift +5000 ppm', { exact: true })).toBeVisible();

  await goToEnd(page);
  await expect.poll(async () => (await fingerprint(page)).now).toBeGreaterThan(2400);
  const original = await fingerprint(page);

  await openTab(page, 'Run');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const viaLink = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await viaLink.goto(link);
  await goToEnd(viaLink);
  await expect.poll(async () => (await fingerprint(viaLink)).now).toBe(original.now);
  expect(await fingerprint(viaLink)).toEqual(original);
  await openTab(viaLink, 'Script');
  await expect(viaLink.getByText('stall n2 for 2.4 s', { exact: true })).toBeVisible();
  await expect(viaLink.getByText('clock n3: drift +5000 ppm', { exact: true })).toBeVisible();
});
