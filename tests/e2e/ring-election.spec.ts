import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openApp, openTab } from './helpers';

test('the ring election lecture stops with every uid on the wire, and its panel shows the ring, the marks and the count', async ({
  page,
}) => {
  await openApp(page, { preset: 'ring-election/lecture', speed: 0.5 });
  const play = page.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible()) await play.click();
  // The first pause point (0.2 s): every process has sent its own uid to the next one.
  await expect(page.getByText(/^Paused: Every process has sent Election/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status', { name: 'Simulated time' })).toHaveText('t = 0.20 s');

  const panel = page.getByRole('region', { name: 'Ring election: uids, participants and messages' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText(/^No leader yet: 6 messages on the ring\.$/)).toBeVisible();
  await expect(panel.getByRole('img', { name: /^The ring: n1 uid 4 participant, n2 uid 2 participant/ })).toBeVisible();
  const table = panel.getByRole('table', { name: /^Processes, in ring order/ });
  const n3 = table.getByRole('row', { name: /^n3 / });
  await expect(n3).toContainText('6');
  await expect(n3).toContainText('● yes');
  const wire = panel.getByRole('list', { name: 'Messages on the wire' });
  await expect(wire.getByRole('listitem')).toHaveCount(6);
  await expect(wire.getByRole('listitem').filter({ hasText: /^n3 → n4: Election 6$/ })).toHaveCount(1);
  await expect(panel.getByText(/^Election messages: 6$/)).toBeVisible();
  await expect(
    panel.getByText(/best 2n − 1 = 11 \(uids ascending\) · average n·Hₙ = 14\.7 · worst n\(n \+ 1\)\/2 = 21/),
  ).toBeVisible();

  // The cards: the protocol's own headline, the uid and the participant mark, and no Raft words.
  const card = page.getByRole('group', { name: 'Process n3' });
  await expect(card).toContainText('uid');
  await expect(card).toContainText('participant');
  await expect(card).not.toContainText(/term|follower|candidate|vote/i);

  await expectNoSeriousViolations(page, 'the ring election lecture at its first pause');

  // The inspector says the same of one process in words.
  await card.click();
  await openTab(page, 'Inspect');
  const inspector = page.getByRole('tabpanel', { name: 'Inspect' });
  await expect(inspector.getByRole('term').filter({ hasText: /^Participant$/ })).toBeVisible();
  await expect(
    inspector.getByRole('definition').filter({ hasText: /^yes: it has sent or passed on an Election$/ }),
  ).toBeVisible();
});
