import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openApp, openTab } from './helpers';

test('the bully lecture stops once n5 has won, and its panel shows every role, the named coordinator and the election counted against the textbook', async ({
  page,
}) => {
  await openApp(page, { preset: 'bully/lecture', speed: 0.5, paused: '' });
  const play = page.getByRole('button', { name: 'Play', exact: true });
  await play.click();
  // The first pause point (0.4 s): every node held an election at the start, and n5 won.
  await expect(page.getByText(/^Paused: Every node names n5 coordinator/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status', { name: 'Simulated time' })).toHaveText('t = 0.40 s');

  const panel = page.getByRole('region', { name: 'Roles, coordinators and election messages' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText('Coordinator: n5, named by every node that is up.')).toBeVisible();
  const nodes = panel.getByRole('table', { name: /^Nodes/ });
  await expect(nodes.getByRole('row', { name: /^n5 / })).toContainText('coordinator');
  for (const id of ['n1', 'n2', 'n3', 'n4']) {
    await expect(nodes.getByRole('row', { name: new RegExp(`^${id} `) })).toContainText(/member\s*n5/);
  }
  const counts = panel.getByRole('table', { name: /^Last election/ });
  await expect(counts.getByRole('row', { name: /^Total/ })).toContainText('19 (n² − n − 1); best 4 (n − 1)');
  await expect(panel.getByText(/^✓ At most one coordinator among nodes that can reach each other/)).toBeVisible();
  await expect(panel.getByText(/^Time with two or more coordinators/)).toContainText('0 ms');

  // The cards: the protocol's own role words and the coordinator each names, and no Raft words.
  const n5 = page.getByRole('group', { name: 'Node n5' });
  await expect(n5).toContainText('coordinator');
  const n2 = page.getByRole('group', { name: 'Node n2' });
  await expect(n2).toContainText('member');
  await expect(n2).toContainText('n5');
  await expect(n2).not.toContainText(/term|leader|follower|candidate/i);

  await expectNoSeriousViolations(page, 'the bully lecture at its first pause');

  // The inspector says the same of one node in words.
  await n2.click();
  await openTab(page, 'Inspect');
  const inspector = page.getByRole('tabpanel', { name: 'Inspect' });
  await expect(inspector.getByRole('term').filter({ hasText: /^Coordinator$/ })).toBeVisible();
  await expect(inspector.getByRole('definition').filter({ hasText: /^member$/ })).toBeVisible();
});
