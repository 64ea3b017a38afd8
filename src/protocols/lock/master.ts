import { cancelTimer, localAt, type Plan, send, startTimer } from '../../engine/kit';
import type { LockEvent, MasterContext } from './types';

/**
 * A Redis master's rules for one lock key (redis.io, "Distributed Locks with Redis"):
 * - `SET key value NX PX ttl`: set only when the key does not exist (or has expired by this master's
 *   clock), with a time to live; redlock-rb's lock script also lets the same value set it again (extend).
 * - Release: delete the key only when it holds the caller's value (the docs' compare-and-delete script).
 * - Keys expire by this master's own clock: a clock that jumps forward expires them early (Kleppmann 2016,
 *   "Redlock's timing assumptions"). Expiry is checked on access and by a timer that re-arms until the
 *   clock reads past the expiry.
 */
type Ctx = MasterContext;

export function masterStep(ctx: Ctx, event: LockEvent): Plan<Ctx> {
  const now = localAt(event);
  const key = ctx.key !== null && now < ctx.key.expiresAt ? ctx.key : null;
  switch (event.type) {
    case 'Set': {
      if (key !== null && key.value !== event.value) {
        return { changes: expired(ctx, key), actions: [send(event.from, { type: 'SetFail', value: event.value })] };
      }
      return {
        changes: { key: { value: event.value, expiresAt: now + event.ttlMs } },
        actions: [
          send(event.from, { type: 'SetOk', value: event.value }),
          startTimer('expire', event.ttlMs, { type: 'expire' }),
        ],
      };
    }
    case 'Del':
      if (key === null || key.value !== event.value) return { changes: expired(ctx, key), actions: [] };
      return { changes: { key: null }, actions: [cancelTimer('expire')] };
    case 'expire': {
      if (key === null) return { changes: expired(ctx, key), actions: [] };
      // Timers run at the clock's rate but a step of the clock moves no timer: look again when it is due.
      return { changes: null, actions: [startTimer('expire', Math.max(1, key.expiresAt - now), { type: 'expire' })] };
    }
    default:
      return { changes: expired(ctx, key), actions: [] };
  }
}

/** Clears a key that has expired by now; null (no change) when nothing expired. */
const expired = (ctx: Ctx, live: Ctx['key']): Partial<Ctx> | null =>
  ctx.key !== null && live === null ? { key: null } : null;
