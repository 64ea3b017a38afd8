import { z } from 'zod';

/**
 * flood's `config` keys.
 * - `repeatMs` [500] (teaching): how often a node pushes everything it has delivered to its neighbours
 *   again, so that a broadcast lost to a crash, a partition or a lossy link still arrives once the
 *   network lets it (the "push" half of anti-entropy, Demers et al. 1987 §1.3). 0 turns it off.
 */
export const floodConfigSchema = z.strictObject({
  repeatMs: z.number().int().min(0).max(60_000).default(500),
});
