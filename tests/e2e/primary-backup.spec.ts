import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openApp, openTab } from './helpers';

test('the primary-backup lecture stops once c1 is told ok, and its panel shows x = 1 acknowledged on every log', async ({
  page,
}) => {
  await openApp(page, { preset: 'primary-backup/lecture', speed: 0.5 });
  const play = page.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible()) await play.click();
  // The first pause point (0.4 s): n1 acknowledged c1's write of x = 1 once a backup had it.
  await expect(page.getByText(/^Paused: c1 has been told ok/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status', { name: 'Simulated time' })).toHaveText('t = 0.40 s');

  const panel = page.getByRole('region', { name: "Every server's log, epoch and acknowledged writes" });
  await expect(panel).toBeVisible();
  await expect(panel.getByText(/^Semi-sync: the primary acknowledges a write once one backup/)).toBeVisible();
  for (const n of ['n1', 'n2', 'n3']) {
    const row = panel.getByRole('row', { name: new RegExp(`^${n} `) });
    await expect(row).toContainText('epoch 1');
    await expect(row.getByRole('cell', { name: /write x 1 \(op 1\), acknowledged/ })).toBeVisible();
  }
  await expect(panel.getByRole('row', { name: /^n1 / })).toContainText('semi-sync on');
  await expect(panel.getByText(/^None so far/)).toBeVisible();
  // The cards: the protocol's own headline (role and epoch), and no Raft words.
  const n1 = page.getByRole('group', { name: 'Node n1' });
  await expect(n1).toContainText('primary');
  await expect(n1).toContainText('epoch');
  await expect(page.getByRole('group', { name: 'Node n2' })).toContainText('backup');
  await expect(page.getByRole('group', { name: 'Node n2' })).not.toContainText(/term|leader|follower/i);

  await expectNoSeriousViolations(page, 'the primary-backup lecture at its first pause');

  // The inspector says the same of one server in words.
  await n1.click();
  await openTab(page, 'Inspect');
  const inspector = page.getByRole('tabpanel', { name: 'Inspect' });
  await expect(inspector.getByRole('definition').filter({ hasText: /^entry 1$/ })).toBeVisible();
  await expect(inspector.getByRole('definition').filter({ hasText: /^on$/ })).toBeVisible();
});
