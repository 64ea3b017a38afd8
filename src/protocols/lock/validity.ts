import type { LockBug, LockConfig } from './types';

/**
 * Redlock's validity (redis.io, "Distributed Locks with Redis", step 3-4; redlock-rb `lock_instances`):
 * `validity = ttl - elapsed - drift`, with `drift = (ttl * driftFactor).to_i + driftMarginMs` (the 2 ms
 * cover Redis's 1 ms expiry precision plus a minimum drift). `elapsed` is measured on the client's clock
 * from sending the first SET to the decision, so a pause while acquiring eats into the lock's life.
 */
export function redlockValidity(
  config: Pick<LockConfig, 'leaseMs' | 'driftFactor' | 'driftMarginMs'>,
  elapsedMs: number,
  bug: LockBug | null,
): number {
  // Bug `redlock-ignores-elapsed`: takes the whole TTL as the validity, as if acquiring took no time and
  // clocks did not drift; a client that paused while acquiring believes it holds a lock the masters
  // already expired (breaks `mutual-exclusion`).
  if (bug === 'redlock-ignores-elapsed') return config.leaseMs;
  const drift = Math.floor(config.leaseMs * config.driftFactor) + config.driftMarginMs;
  return config.leaseMs - elapsedMs - drift;
}

/** A majority of the N masters (redlock-rb: `servers.length / 2 + 1`). */
export const quorum = (masters: number): number => Math.floor(masters / 2) + 1;

/**
 * The wait before the next attempt: redlock-rb sleeps `retry_delay + rand(retry_jitter)` (200 + rand(50) ms),
 * here `retryDelayMs` plus a jitter below a quarter of it, drawn from the event's entropy.
 */
export function retryDelay(config: Pick<LockConfig, 'retryDelayMs'>, entropy: number): number {
  const jitter = Math.max(1, Math.floor(config.retryDelayMs / 4));
  return config.retryDelayMs + (entropy % jitter);
}

/**
 * How long a Redlock client waits for the masters' answers before deciding with those it has: the docs'
 * per-instance timeout is "small compared to the total lock auto-release time" (5-50 ms for a 10 s lock);
 * here a tenth of the TTL, at least 10 ms (teaching: the simulated network's round trip is tens of ms).
 */
export const setWaitMs = (config: Pick<LockConfig, 'leaseMs'>): number => Math.max(10, Math.floor(config.leaseMs / 10));
