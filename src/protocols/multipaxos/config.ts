import { z } from 'zod';

const delay = z.number().int().min(1).max(60_000);

/**
 * multipaxos's `config` keys (spec/protocols.md `multipaxos`).
 * - `leaderTimeoutMs` [[150, 300]] (teaching; the sources give no figure): a node that hears no `Heartbeat`
 *   (nor `P2a`) from a leader for a time drawn from this range runs phase 1 with a higher ballot (PMMC's
 *   failure detection: a leader that is preempted waits for the other leader to fail before scouting again).
 * - `heartbeatMs` [50] (teaching): how often a leader sends `Heartbeat` (and resends unanswered `P2a`).
 * - `window` [5]: PMMC's WINDOW, the most slots a leader proposes beyond its slot_out (replica invariant R5).
 */
export const multiPaxosConfigSchema = z.strictObject({
  leaderTimeoutMs: z
    .tuple([delay, delay])
    .refine(([lo, hi]) => lo <= hi, 'the minimum must not exceed the maximum')
    .default([150, 300]),
  heartbeatMs: delay.default(50),
  window: z.number().int().min(1).max(1000).default(5),
});
