import { localAt, nothing, type Plan, send } from '../../engine/kit';
import type { LockEvent, ServiceContext } from './types';

/**
 * The lease lock service's rules, pure (context, event) -> plan.
 * - Chubby §2.4 (sequencers) and Kleppmann 2016 ("Making the lock safe with fencing"): every grant carries
 *   a token one above the last, persisted before the Grant leaves, so tokens only ever increase.
 * - A lease: the lock is the holder's until `leaseMs` after the grant, by the service's own clock
 *   (`localAt`); after that the service may grant it to someone else, whatever the holder believes.
 */
type Ctx = ServiceContext;

export function serviceStep(ctx: Ctx, event: LockEvent): Plan<Ctx> {
  switch (event.type) {
    case 'Acquire': {
      const now = localAt(event);
      const isFree = ctx.holder === null || now >= ctx.expiresAt || ctx.holder === event.from;
      if (!isFree) {
        return { changes: null, actions: [send(event.from, { type: 'Deny', holder: ctx.holder, ...tag(event) })] };
      }
      const token = ctx.token + 1;
      return {
        changes: { holder: event.from, token, expiresAt: now + ctx.config.leaseMs },
        actions: [send(event.from, { type: 'Grant', token, leaseMs: ctx.config.leaseMs, ...tag(event) })],
      };
    }
    case 'Release':
      // Only the holder of the current token releases; a late Release of an older lease changes nothing.
      if (ctx.holder !== event.from || event.token !== ctx.token) return nothing();
      return { changes: { holder: null }, actions: [] };
    default:
      return nothing();
  }
}

/** An Acquire's operation and attempt, echoed so a client can tell a late answer from the one it waits for. */
const tag = (event: { readonly op: number; readonly attempt: number }) => ({ op: event.op, attempt: event.attempt });
