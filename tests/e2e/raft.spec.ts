import { expect, test } from '@playwright/test';
import {
  clickLink,
  keepPlaying,
  logRow,
  openApp,
  openTab,
  playUntilViolation,
  sendClientRequest,
  waitForLeader,
} from './helpers';

test('a newcomer sees the default cluster elect a leader without touching anything', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('First election')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await waitForLeader(page);
  await expect(page.getByRole('group', { name: /^Server n\d$/ }).filter({ hasText: 'leader' })).toHaveCount(1);
});

test('crashing the leader by clicking it elects a new leader in a higher term', async ({ page }) => {
  await openApp(page, { speed: 0.5 });
  const first = await waitForLeader(page);
  // Pointer: click the server itself, which opens its menu.
  await page.getByRole('group', { name: `Server ${first.id}` }).click({ position: { x: 56, y: 30 } });
  await page.getByRole('menuitem', { name: `Crash ${first.id}` }).click();
  await expect(page.getByRole('group', { name: `Server ${first.id}` })).toContainText('crashed');
  const second = await waitForLeader(page, (l) => l.id !== first.id);
  expect(second.term).toBeGreaterThan(first.term);
});

test('cutting every link of a follower leaves its log behind while the majority commits', async ({ page }) => {
  await openApp(page, { speed: 1 });
  const leader = await waitForLeader(page);
  const ids = ['n1', 'n2', 'n3', 'n4', 'n5'];
  const lonely = ids.find((id) => id !== leader.id) as string;
  // Pause to aim: at real-time speed the messages crossing a link move under the pointer.
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  if (await pause.isVisible()) await pause.click();
  for (const other of ids.filter((id) => id !== lonely)) {
    const [a, b] = [lonely, other].sort((x, y) => ids.indexOf(x) - ids.indexOf(y)) as [string, string];
    await clickLink(page, a, b);
    await expect(page.getByRole('heading', { name: `Link ${a}–${b}` })).toBeVisible();
    await expect(page.getByText('cut both ways')).toBeVisible();
  }
  const cuts = page.getByRole('status').filter({ hasText: 'Cut:' });
  for (const other of ids.filter((id) => id !== lonely)) {
    const [a, b] = [lonely, other].sort((x, y) => ids.indexOf(x) - ids.indexOf(y));
    await expect(cuts).toContainText(`${a}–${b}`);
  }
  await keepPlaying(page);
  await sendClientRequest(page, 'x=7');
  await keepPlaying(page);
  await expect(logRow(page, leader.id).getByRole('cell', { name: /x=7, committed/ })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('cell', { name: /x=7, committed/ })).toHaveCount(4, { timeout: 15_000 });
  await expect(logRow(page, lonely).getByRole('cell', { name: /x=7/ })).toHaveCount(0);
});

test('a client request is committed on a majority', async ({ page }) => {
  await openApp(page, { speed: 1 });
  await waitForLeader(page);
  await sendClientRequest(page, 'hello');
  await expect
    .poll(
      async () => {
        await keepPlaying(page);
        return page.getByRole('cell', { name: /hello, committed/ }).count();
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThanOrEqual(3);
});

test('the Figure 8 preset with its bug raises the violation alert and pauses there', async ({ page }) => {
  await openApp(page, { speed: 1 });
  await openTab(page, 'Run');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('raft/figure-8-bug');
  await expect(page.getByRole('combobox', { name: 'Bug variant' })).toHaveValue('commit-old-term');
  await expect(page.getByText(/Correct Raft commits only entries of the current term/)).toBeVisible();
  const alert = await playUntilViolation(page);
  await expect(alert).toContainText(/State machine safety|Leader completeness/);
  await expect(alert).toContainText(/event #\d+/);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Safety rules' })).toContainText('broken at');
});
