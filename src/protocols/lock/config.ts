import { z } from 'zod';

/**
 * The lock keys of a scenario's `config` (spec/protocols.md, `lock`). Time keys are the real systems'
 * values divided by 10 (`÷10`) so a lecture run lasts seconds.
 * - `variant` ["lease"]: one lock service with fencing tokens (Kleppmann 2016; Chubby §2.4), or
 *   "redlock": N Redis masters and no token (redis.io, "Distributed Locks with Redis").
 * - `leaseMs` [1000]: the lease, or Redlock's key TTL (the Redis docs' 10 s lock, ÷10).
 * - `holdMs` [200] (teaching): the work a client does between checking its lease and writing.
 * - `fencing` [true]: the storage refuses a token below the highest it accepted (lease variant).
 * - `redisCount` [5]: the Redis docs' N masters.
 * - `driftFactor` [0.01], `driftMarginMs` [2]: redlock-rb's `drift(ttl) = (ttl * 0.01).to_i + 2`.
 * - `retryCount` [3], `retryDelayMs` [20]: redlock-rb's retry_count 3 and retry_delay 200 ms (÷10).
 * - `clientTimeoutMs` [1000] (teaching, spec §1.5): an operation unanswered by then ends.
 */
export const lockConfigSchema = z.strictObject({
  variant: z.enum(['lease', 'redlock']).default('lease'),
  leaseMs: z.number().int().min(1).max(600_000).default(1000),
  holdMs: z.number().int().min(0).max(600_000).default(200),
  fencing: z.boolean().default(true),
  redisCount: z.number().int().min(1).max(15).default(5),
  driftFactor: z.number().min(0).max(0.5).default(0.01),
  driftMarginMs: z.number().int().min(0).max(60_000).default(2),
  retryCount: z.number().int().min(0).max(100).default(3),
  retryDelayMs: z.number().int().min(1).max(60_000).default(20),
  clientTimeoutMs: z.number().int().min(1).max(600_000).default(1000),
});
