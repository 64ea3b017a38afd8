import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openApp, openTab } from './helpers';

test('the Paxos lecture stops when n2 must pick its value, and its panel shows the promises, the accepted A and nothing chosen', async ({
  page,
}) => {
  await openApp(page, { preset: 'paxos/lecture', speed: 0.5 });
  const play = page.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible()) await play.click();
  // The first pause point (0.2 s): n2 holds one promise, and n1's promise reporting A is on its way to it.
  await expect(page.getByText(/^Paused: n2 was asked for B/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status', { name: 'Simulated time' })).toHaveText('t = 0.20 s');

  const panel = page.getByRole('region', { name: 'Ballots, promises and accepted values' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText(/^Nothing is chosen yet/)).toBeVisible();
  const acceptors = panel.getByRole('table', { name: /^Acceptors/ });
  await expect(acceptors.getByRole('row', { name: /^n1 / })).toContainText('A at (1, n1)');
  await expect(acceptors.getByRole('row', { name: /^n3 / })).toContainText('(2, n2)');
  const proposers = panel.getByRole('table', { name: 'Proposers' });
  const n2 = proposers.getByRole('row', { name: /^n2 / });
  await expect(n2).toContainText('(2, n2)');
  await expect(n2).toContainText('prepare');
  await expect(n2).toContainText('B');
  await expect(panel.getByRole('listitem').filter({ hasText: /^\(1, n1\) A: accepted by n1 \(1 of 3\)$/ })).toHaveCount(
    1,
  );
  // The cards: the protocol's own headline, a proposer's ballot and an acceptor's promise, and no Raft words.
  await expect(page.getByRole('group', { name: 'Node n2' })).toContainText('ballot');
  await expect(page.getByRole('group', { name: 'Node n2' })).toContainText('proposer');
  await expect(page.getByRole('group', { name: 'Node n4' })).toContainText('acceptor');
  await expect(page.getByRole('group', { name: 'Node n4' })).not.toContainText(/term|leader|follower/i);

  await expectNoSeriousViolations(page, 'the Paxos lecture at its first pause');

  // The inspector says the same of one node in words: its acceptor part and its proposer part.
  await page.getByRole('group', { name: 'Node n2' }).click();
  await openTab(page, 'Inspect');
  const inspector = page.getByRole('tabpanel', { name: 'Inspect' });
  await expect(
    inspector
      .getByRole('definition')
      .filter({ hasText: /^\(2, n2\)$/ })
      .first(),
  ).toBeVisible();
  await expect(inspector.getByRole('term').filter({ hasText: /^Proposing$/ })).toBeVisible();
  await expect(inspector.getByRole('definition').filter({ hasText: /^prepare$/ })).toBeVisible();
});
