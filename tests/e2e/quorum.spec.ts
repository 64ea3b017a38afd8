import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openApp } from './helpers';

test('the quorum lecture stops after c2 read 1, and its panel shows the replicas of x, the quorums and no Raft words', async ({
  page,
}) => {
  await openApp(page, { preset: 'quorum/lecture', speed: 0.5 });
  const play = page.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible()) await play.click();
  // The first pause point (0.5 s): c1's write of 1 was acknowledged, and c2's read through n4 returned it.
  await expect(page.getByText(/^Paused: c2 read 1\./)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status', { name: 'Simulated time' })).toHaveText('t = 0.50 s');

  const panel = page.getByRole('region', { name: 'Replicas, quorums and repairs' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText(/r \+ w = 4 > n: every read quorum meets every write quorum/)).toBeVisible();
  const x = panel.getByRole('table', { name: /^Key x: replicas n1, n3, n4/ });
  for (const node of ['n1', 'n3', 'n4']) {
    await expect(x.getByRole('row', { name: new RegExp(`^${node} `) })).toContainText('1 {n1:1}');
  }
  await expect(x.getByRole('row', { name: /^n1 / })).toContainText('replica 1');
  const quorums = panel.getByRole('list', { name: 'Quorums' });
  await expect(
    quorums.getByRole('listitem').filter({ hasText: /^c2 read x via n4: asked n4, n1, n3; answered n4, / }),
  ).toHaveCount(1);
  await expect(
    quorums.getByRole('listitem').filter({ hasText: /^c1 write x 1 via n1: .*acknowledged at/ }),
  ).toHaveCount(1);
  await expect(
    panel.getByRole('img', { name: /^The hash ring: 5 nodes with 40 tokens\. x on n1, n3, n4/ }),
  ).toBeVisible();

  // The cards: the protocol's own headline (hints held, tokens), and no Raft words.
  const n1 = page.getByRole('group', { name: 'Node n1' });
  await expect(n1).toContainText('replica');
  await expect(n1).toContainText('hints');
  await expect(n1).toContainText('8 tokens');
  await expect(n1).not.toContainText(/term|leader|follower/i);

  await expectNoSeriousViolations(page, 'the quorum lecture at its first pause');
});
