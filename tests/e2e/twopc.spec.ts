import { expect, test } from '@playwright/test';
import { keepPlaying, openApp, openTab } from './helpers';

test('in two-phase commit, crashing the coordinator after the votes leaves the participants blocked', async ({
  page,
}) => {
  await openApp(page, { speed: 1 });
  await openTab(page, 'Run');
  await page.getByRole('combobox', { name: 'Protocol' }).selectOption({ label: 'Two-phase commit' });
  await expect(page.getByRole('region', { name: 'Transactions' })).toBeVisible();
  await expect(page.getByText('Coordinator: n1')).toBeVisible();
  // The preset stops while the yes votes are on their way: the moment to pull the plug.
  await expect(page.getByText(/^Paused: Three yes votes/)).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Actions for n1' }).click();
  await page.getByRole('menuitem', { name: 'Crash n1' }).click();
  await expect(page.getByText('No coordinator')).toBeVisible();
  await page.getByRole('button', { name: 'Play', exact: true }).click();

  const table = page.getByRole('region', { name: 'Transactions' }).getByRole('table');
  await expect(table.getByRole('row', { name: /^t1/ })).toContainText('coordinator down, 3 participants blocked');
  for (const p of ['n2', 'n3', 'n4']) {
    await expect(page.getByRole('group', { name: `Node ${p}` })).toContainText('t1 prepared');
  }
  // Time passes, nobody decides: still blocked well after the vote timeout would have fired.
  await expect
    .poll(async () => {
      await keepPlaying(page); // through the preset's own end at 1 s
      const clock = await page.getByRole('status', { name: 'Simulated time' }).textContent();
      return Number(clock?.match(/[\d.]+/)?.[0]);
    })
    .toBeGreaterThan(1.5);
  await expect(table.getByRole('row', { name: /^t1/ })).toContainText('participants blocked');
});
