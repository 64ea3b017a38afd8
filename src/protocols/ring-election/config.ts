import { z } from 'zod';

const uidList = z
  .array(z.number().int().safe())
  .min(1)
  .refine((list) => new Set(list).size === list.length, 'the uids must be distinct');

/**
 * ring-election's `config` keys (spec/protocols.md `ring-election`).
 * - `uids` ["random"]: each process's unique number, along the ring from the first node. `"random"` is a
 *   permutation of 1..n drawn from the scenario's seed (the paper's average case is over all n! orders);
 *   `"ascending"` (1, 2, ..., n: the paper's best case, 2n - 1 `Election` messages) and `"descending"` (n, ..., 1:
 *   its worst case, n(n + 1)/2); or a list of distinct integers, one per node.
 * - `initiators` ["all"]: every process starts an election at time 0, as the paper's analysis assumes; `"none"`
 *   waits for a `request elect` (a process that notices there is no leader starts one).
 */
export const ringConfigSchema = z.strictObject({
  uids: z.union([z.enum(['random', 'ascending', 'descending']), uidList]).default('random'),
  initiators: z.enum(['all', 'none']).default('all'),
});
