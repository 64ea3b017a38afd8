import type { FactsInput } from '../../engine/protocol';
import type { TraceRecord } from '../../engine/types';

/** H_n = 1 + 1/2 + ... + 1/n, the n-th harmonic number. */
export const harmonic = (n: number): number => {
  let h = 0;
  for (let k = 1; k <= n; k++) h += 1 / k;
  return h;
};

/**
 * Chang & Roberts' counts of `Election` message passes on a ring of n processes, every one starting at once:
 * best 2n - 1 (uids ascending along the ring: every number but the largest dies after one hop), average n H_n
 * over all orders (their main result, O(n log n)), worst n(n + 1)/2 (descending: the number k travels k hops).
 * The `Elected` announcement that follows adds n more, which these formulas leave out.
 */
export function textbookCounts(n: number): { best: number; average: number; worst: number } {
  return { best: 2 * n - 1, average: Math.round(n * harmonic(n) * 100) / 100, worst: (n * (n + 1)) / 2 };
}

/** How many messages of each kind the processes sent in the first `length` records (network copies not counted). */
export function messagesSent(records: readonly TraceRecord[], length = records.length) {
  let election = 0;
  let elected = 0;
  const nodes = new Set<string>();
  for (let i = 0; i < length; i++) {
    const r = records[i];
    if (r === undefined) continue;
    if (r.kind === 'state') nodes.add(r.node);
    if (r.kind !== 'send' || r.duplicateOf !== undefined) continue;
    if (r.type === 'Election') election++;
    else if (r.type === 'Elected') elected++;
  }
  return { election, elected, n: nodes.size };
}

/**
 * The fact `electionMessages` (spec/protocols.md `ring-election`): `count` is the `Election` messages sent in the
 * run, the figure the paper's formulas count; `elected` is the `Elected` messages, counted apart.
 */
export function electionMessagesFact(run: FactsInput) {
  const sent = messagesSent(run.trace);
  return { count: sent.election, ...textbookCounts(sent.n), elected: sent.elected, n: sent.n };
}
