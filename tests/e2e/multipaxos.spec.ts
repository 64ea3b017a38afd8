import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openApp, openTab } from './helpers';

test('the Multi-Paxos lecture stops after two one-round commands, and its slot grid shows them decided under one ballot', async ({
  page,
}) => {
  await openApp(page, { preset: 'multipaxos/lecture', speed: 0.5 });
  const play = page.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible()) await play.click();
  // The first pause point (0.26 s): n1 has decided A and B, one P2a/P2b round each, after a single phase 1.
  await expect(page.getByText(/^Paused: n1 has decided A and B/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status', { name: 'Simulated time' })).toHaveText('t = 0.26 s');

  const panel = page.getByRole('region', { name: 'Slots by node' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText('Leader: n1 with ballot (1, n1).')).toBeVisible();
  const grid = panel.getByRole('table');
  const n3 = grid.getByRole('row', { name: /^n3 / });
  await expect(n3.getByRole('cell', { name: 'n3, slot 1; accepted A at (1, n1); decided A' })).toBeVisible();
  await expect(n3.getByRole('cell', { name: 'n3, slot 2; accepted B at (1, n1); decided B' })).toBeVisible();
  await expect(n3.getByRole('cell', { name: /^n3, slot 3; nothing accepted; slot_out/ })).toBeVisible();
  // One ballot so far: the legend's colours and every cell say (1, n1).
  await expect(panel.getByText('✓ decided')).toBeVisible();
  await expect(panel.getByText('(2, n2)')).toHaveCount(0);

  // The cards: role and ballot, no Raft words.
  const n2 = page.getByRole('group', { name: 'Node n2' });
  await expect(n2).toContainText('ballot');
  await expect(n2).toContainText('follower');
  await expect(n2).not.toContainText(/term|index|commit/i);
  await expect(page.getByRole('group', { name: 'Node n1' })).toContainText('leader');

  await expectNoSeriousViolations(page, 'the Multi-Paxos lecture at its first pause');

  // The inspector says the same of one node in words.
  await page.getByRole('group', { name: 'Node n1' }).click();
  await openTab(page, 'Inspect');
  const inspector = page.getByRole('tabpanel', { name: 'Inspect' });
  await expect(inspector.getByRole('definition').filter({ hasText: /^1: A, 2: B$/ })).toBeVisible();
  await expect(inspector.getByRole('term').filter({ hasText: /^slot_out$/ })).toBeVisible();
});
