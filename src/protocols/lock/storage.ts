import { at, nothing, type Plan, send } from '../../engine/kit';
import type { LockEvent, StorageContext } from './types';

/**
 * The storage's rules. Kleppmann 2016, "Making the lock safe with fencing": the storage remembers the
 * highest token it accepted and refuses a write carrying a lower one, so a client whose lease lapsed
 * while it paused cannot overwrite the work of the next holder. Chubby §2.4 has servers check sequencers
 * the same way. Under Redlock there is no token: the storage takes every write.
 */
type Ctx = StorageContext;

export function storageStep(ctx: Ctx, event: LockEvent): Plan<Ctx> {
  if (event.type !== 'Write') return nothing();
  // `at` is recorded for the picture (the panel's time line in real time), never reasoned with.
  const write = { client: event.from, token: event.token, value: event.value, at: at(event) };
  const op = event.op;
  if (checksTokens(ctx) && event.token !== null && event.token < ctx.maxToken) {
    return {
      changes: { rejected: [...ctx.rejected, write] },
      actions: [send(event.from, { type: 'WriteRejected', token: event.token, maxToken: ctx.maxToken, op })],
    };
  }
  return {
    changes: {
      value: event.value,
      maxToken: Math.max(ctx.maxToken, event.token ?? 0),
      writes: [...ctx.writes, write],
    },
    actions: [send(event.from, { type: 'WriteOk', token: event.token, op })],
  };
}

/** Fencing is on: the lease variant with `fencing`, and not the `no-fencing` bug. */
export function checksTokens(ctx: Pick<Ctx, 'config' | 'bug'>): boolean {
  // Bug `no-fencing`: the storage takes the client's token but never compares it, breaking Kleppmann's
  // fencing rule (and with it `fenced-writes`).
  return ctx.config.variant === 'lease' && ctx.config.fencing && ctx.bug !== 'no-fencing';
}
