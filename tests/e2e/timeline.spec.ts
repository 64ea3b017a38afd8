import { expect, type Page, test } from '@playwright/test';
import { openApp, openTab } from './helpers';

const traceHash = (page: Page) =>
  page.evaluate(() => (window as unknown as { __netsplit: { traceHash(): string } }).__netsplit.traceHash());

test('scrubbing by the slider and stepping back move the run in time', async ({ page }) => {
  await openApp(page, { preset: 'raft/leader-crash', paused: '' });
  const slider = page.getByRole('slider', { name: 'Time' });
  await expect(slider).toHaveAttribute('aria-valuetext', /^0\.000 s of /);
  const box = await slider.boundingBox();
  if (!box) throw new Error('no slider');
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
  await expect(slider).toHaveAttribute('aria-valuetext', /^[1-9]\.\d{3} s of /);
  const middle = Number(await slider.getAttribute('aria-valuenow'));
  const hash = await traceHash(page);
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect.poll(async () => Number(await slider.getAttribute('aria-valuenow'))).toBeLessThan(middle);
  expect(await traceHash(page)).not.toBe(hash);
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuenow', '0');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(async () => Number(await slider.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: /^Fault at \d\.\d{3} s: n1 crashes$/ })).toHaveCount(1);
  await openTab(page, 'Run');
  await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{16}$/);
  await page.screenshot({ path: 'test-results/screens/timeline-1280.png' });
});
