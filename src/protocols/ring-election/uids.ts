import { Rng } from '../../engine/rng';
import type { UidsSetting } from './types';

/**
 * The uid of each position on the ring, for `n` processes. `random` is a permutation of 1..n drawn from a
 * stream of the scenario's seed labelled for this purpose only (Fisher-Yates), so every process computes the
 * same one, on every start and restart, and no other draw of the run shifts.
 */
export function uidsOf(setting: UidsSetting, n: number, seed: number): readonly number[] {
  if (Array.isArray(setting)) return setting;
  const ascending = Array.from({ length: n }, (_, i) => i + 1);
  switch (setting) {
    case 'ascending':
      return ascending;
    case 'descending':
      return ascending.reverse();
    case 'random': {
      const rng = Rng.fromSeed(seed).forkLabelled('ring-election uids');
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [ascending[i], ascending[j]] = [ascending[j] as number, ascending[i] as number];
      }
      return ascending;
    }
    default:
      return ascending;
  }
}

/** The problems of a uid list for a ring of `n` (the parser refuses the file with them). */
export function uidProblems(setting: UidsSetting, n: number): string[] {
  if (!Array.isArray(setting) || setting.length === n) return [];
  return [`config.uids: ${setting.length} uids for ${n} nodes; give one uid per node, in ring order`];
}
