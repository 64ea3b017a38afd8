import { type Action, cancelTimer, type Incoming, type Plan, send, startTimer } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import { backupsOf, indexOfOp, valueAt } from './log';
import type { LogEntry, PbReply, PbRequest, PbServerMessage, ServerContext, Waiting } from './types';

type Ctx = ServerContext;

const HEARTBEAT = 'heartbeat';
const SEMI_SYNC = 'semi-sync-timeout';

/**
 * Whether the primary acknowledges a write as soon as it is in its own log: asynchronous replication (MySQL's
 * default), a semi-sync primary that fell back to it, or the `ack-before-replicate` bug, which does so in
 * every mode (bugs.ts: it breaks the promise of sync and semi-sync).
 */
function acksAtOnce(ctx: Ctx): boolean {
  if (ctx.bug === 'ack-before-replicate') return true;
  return ctx.config.mode === 'async' || (ctx.config.mode === 'semi-sync' && !ctx.semiSyncOn);
}

/**
 * How far the log is acknowledged from what the backups hold (`matchIndex`). Sync: every backup holds it
 * (DDIA ch. 5, "synchronous": the leader waits until the follower has confirmed it received the write; all of
 * them here). Semi-sync: one backup (MySQL `rpl_semi_sync_source_wait_for_replica_count` = 1). It never moves
 * back: what was acknowledged stays acknowledged.
 */
function ackPoint(ctx: Ctx): number {
  if (acksAtOnce(ctx)) return ctx.log.length;
  const held = backupsOf(ctx)
    .map((b) => ctx.matchIndex[b] ?? 0)
    .sort((a, b) => b - a);
  const need = ctx.config.mode === 'sync' ? held.length : Math.min(1, held.length);
  const point = need === 0 ? ctx.log.length : (held[need - 1] ?? 0);
  return Math.max(ctx.ackedIndex, Math.min(point, ctx.log.length));
}

/** Moves the acknowledged index to what the backups hold, and answers every client whose write it covers. */
export function acknowledge(ctx: Ctx, changes: Partial<Ctx> = {}): Plan<Ctx> {
  const next = { ...ctx, ...changes };
  const ackedIndex = ackPoint(next);
  const done = next.waiting.filter((w) => w.index <= ackedIndex);
  const actions: Action[] = done.map((w) => send<PbReply>(w.client, { type: w.kind, op: w.op }));
  // The semi-sync timers of the entries just acknowledged have nothing left to wait for.
  if (next.config.mode === 'semi-sync') {
    for (let i = next.ackedIndex + 1; i <= ackedIndex; i++) actions.push(cancelTimer(SEMI_SYNC, String(i)));
  }
  const waiting = done.length === 0 ? next.waiting : next.waiting.filter((w) => w.index > ackedIndex);
  return { changes: { ...changes, ackedIndex, waiting }, actions };
}

/** A client's operation at the primary. Reads and writes go to the primary only (spec: reads and writes at the primary). */
export function onClientRequest(ctx: Ctx, m: Incoming<PbRequest>): Plan<Ctx> {
  const answer = (reply: PbReply): Plan<Ctx> => ({ changes: null, actions: [send(m.from, reply)] });
  if (m.type === 'Read') {
    // MySQL's semi-sync waits AFTER_SYNC (the default): a write is visible to others once acknowledged. In async
    // mode every logged write is acknowledged, so the read sees the whole log.
    return answer({ type: 'ReadOk', op: m.op, value: valueAt(ctx.log, ctx.ackedIndex, m.key) });
  }
  const kind = m.type === 'Write' ? 'WriteOk' : 'CasOk';
  // A duplicate of a logged write: answered again once acknowledged, never logged twice.
  const logged = indexOfOp(ctx.log, m.op);
  if (logged > 0) {
    if (logged <= ctx.ackedIndex) return answer({ type: kind, op: m.op });
    if (ctx.waiting.some((w) => w.op === m.op)) return { changes: null, actions: [] };
    return { changes: { waiting: [...ctx.waiting, { op: m.op, client: m.from, index: logged, kind }] }, actions: [] };
  }
  if (m.type === 'Cas') {
    // cas K V1 V2 (spec §1.5): takes effect only if K holds V1 in the primary's log.
    if (ctx.casFailed.includes(m.op)) return answer({ type: 'CasFail', op: m.op });
    if (valueAt(ctx.log, ctx.log.length, m.key) !== m.expected) {
      return {
        changes: { casFailed: [...ctx.casFailed, m.op] },
        actions: [send(m.from, { type: 'CasFail', op: m.op })],
      };
    }
  }
  const command = m.type === 'Write' ? `write ${m.key} ${m.value}` : `cas ${m.key} ${m.expected} ${m.value}`;
  const entry: LogEntry = { epoch: ctx.epoch, command, op: m.op, client: m.from };
  const log = [...ctx.log, entry];
  const waiting: Waiting[] = [...ctx.waiting, { op: m.op, client: m.from, index: log.length, kind }];
  // The write is in the primary's own log (on disk) before anything leaves: then it is acknowledged at once
  // (async), or once the backups' Acks say so. The copies go to every backup that holds the rest of the log;
  // the others get what they lack with the next heartbeat.
  const acked = acknowledge(ctx, { log, waiting });
  const copies = backupsOf(ctx)
    .filter((b) => (ctx.matchIndex[b] ?? 0) === ctx.log.length)
    .map((b) => replicate({ ...ctx, log, ackedIndex: acked.changes?.ackedIndex ?? ctx.ackedIndex }, b));
  const due = { type: 'semiSyncTimeout', index: log.length };
  const timer =
    ctx.config.mode === 'semi-sync' && ctx.semiSyncOn && (acked.changes?.ackedIndex ?? 0) < log.length
      ? [startTimer(SEMI_SYNC, ctx.config.semiSyncTimeoutMs, due, String(log.length))]
      : [];
  // The bug answers the client first (its reply is among `acked`'s actions) and sends the copies after it.
  return { changes: acked.changes, actions: [...acked.actions, ...copies, ...timer] };
}

/** What backup `to` lacks of the primary's log: from the entry after its matchIndex (from 1: the whole log). */
export function replicate(ctx: Ctx, to: NodeId): Action {
  const from = (ctx.matchIndex[to] ?? 0) + 1;
  return send<PbServerMessage>(to, {
    type: 'Replicate',
    epoch: ctx.epoch,
    index: from,
    entries: ctx.log.slice(from - 1),
    ackedIndex: ctx.ackedIndex,
  });
}

/** Every `heartbeatMs`: a backup that lacks entries gets them, a caught-up one a Heartbeat (it is alive). */
export function heartbeat(ctx: Ctx): Plan<Ctx> {
  const actions = backupsOf(ctx).map((b) =>
    (ctx.matchIndex[b] ?? 0) < ctx.log.length
      ? replicate(ctx, b)
      : send<PbServerMessage>(b, { type: 'Heartbeat', epoch: ctx.epoch, ackedIndex: ctx.ackedIndex }),
  );
  return { changes: null, actions: [...actions, startTimer(HEARTBEAT, ctx.config.heartbeatMs, { type: 'heartbeat' })] };
}

/** The next heartbeat, one period from now. */
export const beatSoon = (ctx: Ctx): Action => startTimer(HEARTBEAT, ctx.config.heartbeatMs, { type: 'heartbeat' });

/** A backup's Ack: it holds `index` entries of this primary's log (0: it asks for all of it). */
export function onAck(ctx: Ctx, from: NodeId, index: number): Plan<Ctx> {
  const matchIndex = { ...ctx.matchIndex, [from]: Math.min(index, ctx.log.length) };
  // MySQL: an asynchronous source switches back to semisynchronous once a replica has caught up.
  const caughtUp = ctx.config.mode === 'semi-sync' && !ctx.semiSyncOn && index >= ctx.log.length;
  const plan = acknowledge(ctx, caughtUp ? { matchIndex, semiSyncOn: true } : { matchIndex });
  // A backup that asks for the whole log (it follows this primary afresh) gets it now, even an empty one: it
  // must drop whatever its log holds that this primary's does not.
  const lagging = index === 0 ? [replicate({ ...ctx, matchIndex }, from)] : [];
  return { changes: plan.changes, actions: [...plan.actions, ...lagging] };
}

/**
 * MySQL `rpl_semi_sync_source_timeout`: no Ack came in time for entry `index`, so the primary falls back to
 * asynchronous replication and acknowledges everything it holds (the fallback that makes semi-sync lose writes).
 */
export function onSemiSyncTimeout(ctx: Ctx, index: number): Plan<Ctx> {
  if (!ctx.semiSyncOn || ctx.ackedIndex >= index) return { changes: null, actions: [] };
  return acknowledge(ctx, { semiSyncOn: false });
}

export const PRIMARY_TIMERS = { HEARTBEAT, SEMI_SYNC } as const;
