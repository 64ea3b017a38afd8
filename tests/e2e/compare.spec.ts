import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openApp } from './helpers';

const A = 'raft/disruptive-rejoin';
const B = 'raft/prevote-rejoin';

/** The term on a server's card, as the card shows it (`term 8`). */
async function termOn(side: Locator, id: string): Promise<number> {
  const text = (await side.getByRole('group', { name: `Server ${id}` }).textContent()) ?? '';
  const match = /term (\d+)/.exec(text);
  if (!match) throw new Error(`no term on ${id}: ${text}`);
  return Number(match[1]);
}

/** The leader a side names (`Leader: n5 (term 1)`), as its header says it. */
async function leaderOf(side: Locator): Promise<{ id: string; term: number }> {
  const text = (await side.getByText(/^(Leader: \S+ \(term \d+\)|No leader)$/).textContent()) ?? '';
  const match = /^Leader: (\S+) \(term (\d+)\)$/.exec(text);
  if (!match) throw new Error(`no leader: ${text}`);
  return { id: match[1] as string, term: Number(match[2]) };
}

function sides(page: Page) {
  return {
    a: page.getByRole('region', { name: /^Run A: A disruptive server rejoins/ }),
    b: page.getByRole('region', { name: /^Run B: A rejoining server with PreVote/ }),
  };
}

test('the Library opens Raft with and without PreVote side by side; one clock plays both, and each side shows its own terms and verdicts', async ({
  page,
}) => {
  await openApp(page, { speed: 1, paused: '' });
  await page.getByRole('button', { name: 'Library' }).click();
  const library = page.getByRole('dialog', { name: 'Scenario library' });
  await library.getByRole('button', { name: 'Compare side by side with “A rejoining server with PreVote”' }).click();
  const { a, b } = sides(page);
  await expect(a).toBeVisible();
  await expect(b).toBeVisible();
  await expect(page.getByRole('application', { name: 'Cluster canvas' })).toHaveCount(2);
  // The address names the comparison, so a reload or a copied address opens it again.
  await expect(page).toHaveURL(/[?&]preset=raft%2Fdisruptive-rejoin&compare=raft%2Fprevote-rejoin/);

  // One Play for both: they stop together at the pause point both scenarios share (2.5 s, the heal).
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(a.getByText(/^Paused: The leader was healthy/)).toBeVisible({ timeout: 20_000 });
  await expect(b.getByText(/^Paused: Does the leader keep its term/)).toBeVisible();
  await expect(page.getByRole('status', { name: 'Simulated time' })).toHaveText('t = 2.50 s');
  // Cut off, n2 raised its term at every timeout without PreVote; with PreVote it stayed where it was.
  const disruptive = await termOn(a, 'n2');
  const patient = await termOn(b, 'n2');
  expect(disruptive).toBeGreaterThan(patient + 2);
  expect(await leaderOf(b)).toEqual({ id: 'n5', term: patient });
  await expect(a.getByText('Safety: all 6 rules hold so far.')).toBeVisible();
  await expect(b.getByText('Safety: all 6 rules hold so far.')).toBeVisible();
  await expectNoSeriousViolations(page, 'the PreVote comparison at its pause point');

  // Played to the end: the rejoining server deposed the leader only where PreVote is off.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  // The scenario's end (4 s) stops both; a frame of play may land a few virtual ms past it.
  await expect(page.getByText(/^The scenario ends here/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status', { name: 'Simulated time' })).toHaveText(/^t = 4\.0\d s$/);
  const withoutPreVote = await leaderOf(a);
  const withPreVote = await leaderOf(b);
  expect(withPreVote).toEqual({ id: 'n5', term: patient });
  expect(withoutPreVote.term).toBeGreaterThan(withPreVote.term);
  await expect(a.getByText('Safety: all 6 rules hold so far.')).toBeVisible();
  await expect(b.getByText('Safety: all 6 rules hold so far.')).toBeVisible();

  // Back to one run: the workbench of run A, its tools and all.
  await page.getByRole('button', { name: 'Run A alone' }).click();
  await expect(page.getByRole('application', { name: 'Cluster canvas' })).toHaveCount(1);
  await expect(page.getByRole('complementary', { name: 'Tools' })).toBeVisible();
  await expect(page).not.toHaveURL(/compare=/);
});

test('a bad compare value is named with its reason, and the page opens the one run it can', async ({ page }) => {
  await openApp(page, { preset: A, compare: 'raft/nope', paused: '' });
  await expect(page.getByText('compare: there is no preset "raft/nope"; showing one run.')).toBeVisible();
  await expect(page.getByRole('application', { name: 'Cluster canvas' })).toHaveCount(1);
  await expect(page.getByText('A disruptive server rejoins (no PreVote)').first()).toBeVisible();
});

test('the embedded player shows a comparison: both canvases, one timeline', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 500 });
  await page.goto(`/?embed&preset=${A}&compare=${B}&speed=1&autoplay`);
  const { a, b } = sides(page);
  await expect(a.getByText(/^Paused: /)).toBeVisible({ timeout: 20_000 });
  await expect(b.getByText(/^Paused: /)).toBeVisible();
  expect(await termOn(a, 'n2')).toBeGreaterThan(await termOn(b, 'n2'));
  const open = page.getByRole('link', { name: /Open/ });
  await expect(open).toHaveAttribute('href', /\?preset=raft%2Fdisruptive-rejoin&compare=raft%2Fprevote-rejoin$/);
  await expectNoSeriousViolations(page, 'the embedded comparison');
});

test('each side of a comparison of a protocol with a model carries the history checker’s own verdict', async ({
  page,
}) => {
  await page.goto('/?preset=register/two-clients&compare=register/stale-read&speed=1');
  const a = page.getByRole('region', { name: /^Run A: / });
  const b = page.getByRole('region', { name: /^Run B: / });
  // Both play to their ends (3 s and 1.5 s); the checker reads each side's operations on its own.
  await expect(page.getByText(/^The scenario ends here/)).toBeVisible({ timeout: 30_000 });
  await expect(a.getByText(/^Linearizable: yes, all \d+ operations fit one order\.$/)).toBeVisible({ timeout: 10_000 });
  await expect(b.getByText(/^Linearizable: no, on key \S+ \(ops [\d, ]+\)\.$/)).toBeVisible({ timeout: 10_000 });
});
