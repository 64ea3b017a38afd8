import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test('another protocol loads on demand: the cluster says so quietly, and the run stays until it is ready', async ({
  page,
}) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  // A slow connection for two-phase commit's code, so its loading shows.
  let release: () => void = () => {};
  const slow = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/2pc-[^/]+\.js$/, async (route) => {
    await slow;
    await route.continue();
  });
  await openApp(page, { paused: '' });
  // The first screen fetched nothing of two-phase commit.
  expect(fetched.filter((path) => /\/2pc-/.test(path))).toEqual([]);

  await page.getByRole('button', { name: 'Library' }).click();
  const library = page.getByRole('dialog', { name: 'Scenario library' });
  const entry = library.getByRole('button', { name: /^A transaction commits/ });
  await expect(entry).toContainText('every participant votes yes');
  await entry.click();
  await expect(page.getByRole('status').filter({ hasText: 'Loading Two-phase commit…' })).toBeVisible();
  // Until the code arrives, the Raft run is still the one on screen.
  await expect(page.getByText('First election', { exact: true })).toBeVisible();

  release();
  await expect(page.getByRole('region', { name: 'Transactions' })).toBeVisible();
  await expect(page.getByText('A transaction commits', { exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
});
