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

test('acting in the past starts a branch; the old one comes back with a click', async ({ page }) => {
  await openApp(page, { preset: 'raft/first-election', paused: '' });
  const slider = page.getByRole('slider', { name: 'Time' });
  await slider.focus();
  await page.keyboard.press('End');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __netsplit: { now(): number } }).__netsplit.now()))
    .toBe(3000);
  const mainHash = await traceHash(page);
  for (let i = 0; i < 2; i++) await page.keyboard.press('PageUp');
  await page.getByRole('button', { name: 'Actions for n4' }).click();
  await page.getByRole('menuitem', { name: 'Crash n4' }).click();
  const branches = page.getByRole('navigation', { name: 'Branches' });
  await expect(branches.getByRole('button', { name: 'branch 2 from 1.000 s: crash n4' })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await page.screenshot({ path: 'test-results/screens/branches-1280.png' });
  await branches.getByRole('button', { name: 'main' }).click();
  await expect(branches.getByRole('button', { name: 'main' })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('group', { name: 'Server n4' })).not.toContainText('crashed');
  await slider.focus();
  await page.keyboard.press('End');
  await expect.poll(() => traceHash(page)).toBe(mainHash);
});

test('the library lists every preset by protocol and opens one paused at its start', async ({ page }) => {
  await openApp(page, { speed: 1 });
  await page.getByRole('button', { name: 'Library' }).click();
  const library = page.getByRole('dialog', { name: 'Scenario library' });
  await expect(library.getByRole('heading', { name: 'Raft' })).toBeVisible();
  await expect(library.getByRole('heading', { name: 'Two-phase commit' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/library-1280.png' });
  await library
    .getByRole('region', { name: 'Two-phase commit' })
    .getByRole('button', { name: /^The coordinator crashes/ })
    .click();
  await expect(library).toBeHidden();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Time' })).toHaveAttribute('aria-valuenow', '0');
});
