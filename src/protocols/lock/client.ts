import type { OpResult } from '../../engine/clients';
import {
  type Action,
  cancelTimer,
  complete,
  entropy,
  localAt,
  nothing,
  type Plan,
  send,
  startTimer,
} from '../../engine/kit';
import { updateValue } from './ops';
import type { ClientContext, LockEvent, LockTimer } from './types';
import { quorum, redlockValidity, retryDelay, setWaitMs } from './validity';

/**
 * A lock client's rules for `update V` (spec/protocols.md, `lock`), pure (context, event) -> plan:
 * acquire the lock, check the lease once, work `holdMs`, then write V with the token without checking
 * again, and release. That unchecked gap is where Kleppmann's (2016) GC pause falls: the client cannot
 * tell that it paused, so only the storage can refuse its stale write.
 */
type Ctx = ClientContext;

export function clientStep(ctx: Ctx, event: LockEvent): Plan<Ctx> {
  switch (event.type) {
    case 'invoke':
      return invoke(ctx, event.op, event.command, localAt(event), entropy(event));
    case 'Grant':
      if (!isAwaiting(ctx, event.op, event.attempt)) return nothing();
      return leaseGranted(ctx, event.token, event.leaseMs, localAt(event));
    case 'Deny':
      if (!isAwaiting(ctx, event.op, event.attempt)) return nothing();
      return retryOrFail(ctx, [], entropy(event));
    case 'SetOk':
    case 'SetFail': {
      if (ctx.phase !== 'acquiring' || event.value !== ctx.lockValue) return nothing();
      // One vote per master: a duplicated answer must not count twice towards the majority.
      if (ctx.granted.includes(event.from) || ctx.refused.includes(event.from)) return nothing();
      const answered =
        event.type === 'SetOk' ? { granted: [...ctx.granted, event.from] } : { refused: [...ctx.refused, event.from] };
      const next = { ...ctx, ...answered };
      if (next.granted.length + next.refused.length < ctx.servers.length) return { changes: answered, actions: [] };
      return redlockDecide(next, localAt(event), entropy(event), answered);
    }
    case 'setUnanswered':
      if (!isAwaiting(ctx, event.op, event.attempt)) return nothing();
      return redlockDecide(ctx, localAt(event), entropy(event), {});
    case 'retry':
      if (ctx.phase !== 'acquiring' || ctx.op !== event.op) return nothing();
      return attempt(ctx, ctx.attempt + 1, localAt(event), entropy(event));
    case 'work':
      if (ctx.phase !== 'working' || ctx.op !== event.op) return nothing();
      // The write goes out with the token, unchecked: the client does not look at its clock again.
      return {
        changes: { phase: 'writing' },
        actions: [send(ctx.storage, { type: 'Write', value: ctx.value ?? '', token: ctx.token, op: event.op })],
      };
    case 'WriteOk':
      if (ctx.phase !== 'writing' || ctx.op !== event.op) return nothing();
      return finish(ctx, 'ok');
    case 'WriteRejected':
      if (ctx.phase !== 'writing' || ctx.op !== event.op) return nothing();
      return finish(ctx, 'fail');
    case 'opTimeout':
      if (ctx.phase === 'idle' || ctx.op !== event.op) return nothing();
      // §1.5: unanswered by clientTimeoutMs. A write on the wire may still land (unknown: info); before the
      // write the client gives up for good, so the update never takes effect (fail).
      return finish(ctx, ctx.phase === 'writing' ? 'info' : 'fail');
    default:
      return nothing();
  }
}

/** A client timer, one of each name per operation (its key). */
const timer = (name: string, delayMs: number, event: LockTimer & { readonly op: number }): Action =>
  startTimer(name, delayMs, event, `${event.op}`);

const isAwaiting = (ctx: Ctx, op: number, attemptNo: number): boolean =>
  ctx.phase === 'acquiring' && ctx.op === op && ctx.attempt === attemptNo;

function invoke(ctx: Ctx, op: number, command: string, now: number, draw: number): Plan<Ctx> {
  const value = updateValue(command);
  // The engine runs one operation at a time per client (clientConcurrency 1) and parses the grammar first.
  if (value === null || ctx.phase !== 'idle') return { changes: null, actions: [complete(op, 'fail')] };
  const started = attempt({ ...ctx, op, value }, 1, now, draw);
  return {
    changes: { op, value, ...started.changes },
    actions: [...started.actions, timer('op-timeout', ctx.config.clientTimeoutMs, { type: 'opTimeout', op })],
  };
}

/** One attempt: Acquire to the service (lease), or SET NX PX with a fresh random value on every master (redlock). */
function attempt(ctx: Ctx, attemptNo: number, now: number, draw: number): Plan<Ctx> {
  const op = ctx.op ?? 0;
  const base = { phase: 'acquiring' as const, attempt: attemptNo, startedAt: now, granted: [], refused: [] };
  if (ctx.config.variant === 'lease') {
    return {
      changes: { ...base, lockValue: null },
      actions: [send(ctx.servers[0] ?? '', { type: 'Acquire', op, attempt: attemptNo })],
    };
  }
  // redis.io: the value is random and unique to this client and attempt, so only its owner releases it.
  const lockValue = `${ctx.id}.${op}.${attemptNo}.${draw.toString(16)}`;
  return {
    changes: { ...base, lockValue },
    actions: [
      ...ctx.servers.map((m) => send(m, { type: 'Set', value: lockValue, ttlMs: ctx.config.leaseMs })),
      timer('set-timeout', setWaitMs(ctx.config), { type: 'setUnanswered', op, attempt: attemptNo }),
    ],
  };
}

/**
 * The lease counts from sending Acquire, on the client's own clock (Chubby §2.8: the client's lease
 * timeout is a conservative approximation of the master's). Checked once, here.
 */
function leaseGranted(ctx: Ctx, token: number, leaseMs: number, now: number): Plan<Ctx> {
  const validUntil = ctx.startedAt + leaseMs;
  if (now >= validUntil) {
    return retryOrFail(ctx, [send(ctx.servers[0] ?? '', { type: 'Release', token })], 0);
  }
  return hold(ctx, token, validUntil, now);
}

/** redis.io steps 3-4: a majority granted and validity left, or unlock every master and try again. */
function redlockDecide(ctx: Ctx, now: number, draw: number, answered: Partial<Ctx>): Plan<Ctx> {
  const validity = redlockValidity(ctx.config, now - ctx.startedAt, ctx.bug);
  const cancel = cancelTimer('set-timeout', `${ctx.op}`);
  if (ctx.granted.length >= quorum(ctx.servers.length) && validity > 0) {
    const held = hold(ctx, null, now + validity, now);
    return { changes: { ...answered, ...held.changes }, actions: [cancel, ...held.actions] };
  }
  const retried = retryOrFail(ctx, [cancel, ...unlockAll(ctx)], draw);
  return { changes: { ...answered, ...retried.changes }, actions: retried.actions };
}

function hold(ctx: Ctx, token: number | null, validUntil: number, now: number): Plan<Ctx> {
  return {
    changes: { phase: 'working', holding: true, token, validUntil, heldSince: now },
    actions: [timer('work', ctx.config.holdMs, { type: 'work', op: ctx.op ?? 0 })],
  };
}

/** redlock-rb: `retry_count + 1` tries, each after `retry_delay + rand(retry_jitter)`; then the op fails. */
function retryOrFail(ctx: Ctx, before: readonly Action[], draw: number): Plan<Ctx> {
  if (ctx.attempt >= ctx.config.retryCount + 1) {
    const failed = finish(ctx, 'fail');
    return { changes: failed.changes, actions: [...before, ...failed.actions] };
  }
  const op = ctx.op ?? 0;
  return {
    changes: { lockValue: null },
    actions: [...before, timer('retry', retryDelay(ctx.config, draw), { type: 'retry', op })],
  };
}

/** Ends the operation: release what it holds (or may hold), complete it, and stand idle. */
function finish(ctx: Ctx, result: OpResult): Plan<Ctx> {
  const op = ctx.op ?? 0;
  const release: Action[] =
    ctx.config.variant === 'lease'
      ? ctx.holding && ctx.token !== null
        ? [send(ctx.servers[0] ?? '', { type: 'Release', token: ctx.token })]
        : []
      : unlockAll(ctx);
  return {
    changes: idle,
    actions: [
      ...release,
      ...['op-timeout', 'work', 'retry', 'set-timeout'].map((name) => cancelTimer(name, `${op}`)),
      complete(op, result),
    ],
  };
}

/** redis.io: release by running the compare-and-delete on every master, even those that did not answer. */
const unlockAll = (ctx: Ctx): Action[] =>
  ctx.lockValue === null ? [] : ctx.servers.map((m) => send(m, { type: 'Del', value: ctx.lockValue ?? '' }));

export const idle: Partial<Ctx> = {
  phase: 'idle',
  op: null,
  value: null,
  attempt: 0,
  lockValue: null,
  granted: [],
  refused: [],
  holding: false,
  token: null,
  validUntil: null,
  heldSince: null,
};
