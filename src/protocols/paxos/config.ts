import { z } from 'zod';

const delay = z.number().int().min(1).max(60_000);

/**
 * paxos's `config` keys (spec/protocols.md `paxos`).
 * - `proposers` [1]: the first this many nodes also propose; every node accepts and learns ("Paxos Made
 *   Simple" §2.1: a single process may act as more than one agent).
 * - `retryMs` [[100, 200]] (teaching; the paper gives no figure): a proposer whose round has not ended in a
 *   choice by then starts a higher one; a `Nack` restarts the wait.
 * - `randomRetry` [true]: the wait is drawn from the range; false waits the range minimum every time, so two
 *   proposers can pre-empt each other forever (§2.4: progress needs a distinguished proposer, and electing
 *   one "must use either randomness or real time").
 */
export const paxosConfigSchema = z.strictObject({
  proposers: z.number().int().min(1).max(64).default(1),
  retryMs: z
    .tuple([delay, delay])
    .refine(([lo, hi]) => lo <= hi, 'the minimum must not exceed the maximum')
    .default([100, 200]),
  randomRetry: z.boolean().default(true),
});
