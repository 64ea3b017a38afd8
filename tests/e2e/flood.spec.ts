import { expect, test } from '@playwright/test';
import { openApp, openTab } from './helpers';

test('the authoring example (flood) opens by name on a ring, delivers, and stays out of the Library', async ({
  page,
}) => {
  await openApp(page, { preset: 'flood/ring', speed: 1 });
  // A ring: each node is linked to its two neighbours only.
  await expect(page.getByRole('button', { name: 'Link n1–n2' })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Link n1–n6' })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Link n1–n3' })).toHaveCount(0);
  // The preset stops once m1 is on its way; the origin has delivered it already (its face's badge).
  await expect(page.getByText(/^Paused: Which node will be the last/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('group', { name: 'Node n1' })).toContainText('delivered 1');

  await openTab(page, 'Run');
  const protocols = page.getByRole('combobox', { name: 'Protocol' });
  await expect(protocols.getByRole('option')).toHaveText([
    'Raft',
    'Two-phase commit',
    'Distributed lock',
    'Paxos (single decree)',
    'Bully election',
    'Multi-Paxos',
    'Ring election (Chang and Roberts)',
    'Quorum replication (Dynamo)',
    'Primary-backup replication',
  ]);
});
