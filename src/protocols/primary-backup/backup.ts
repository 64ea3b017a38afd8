import { type Action, cancelTimer, type Plan, send, startTimer } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import { isAhead, positionOf } from './log';
import { heartbeat, PRIMARY_TIMERS } from './primary';
import type { LogEntry, PbServerMessage, ServerContext } from './types';

type Ctx = ServerContext;

const FAILOVER = 'failover';
const POSITIONS = 'positions';

/** Restarts the wait for the primary (DDIA ch. 5: "nodes frequently bounce messages back and forth, and if a node doesn't respond for some period of time ... it is assumed to be dead"). */
export const awaitPrimary = (ctx: Ctx): Action =>
  startTimer(FAILOVER, ctx.config.failoverTimeoutMs, { type: 'failover' });

/** Whether this server's log is a copy of the log of the primary it follows in its epoch. */
export const isSynced = (ctx: Ctx, from: NodeId): boolean =>
  ctx.syncedWith !== null && ctx.syncedWith.epoch === ctx.epoch && ctx.syncedWith.primary === from;

const ack = (ctx: Ctx, to: NodeId, index: number): Action =>
  send<PbServerMessage>(to, { type: 'Ack', epoch: ctx.epoch, index, primaryId: ctx.primaryId });

/**
 * A Replicate from the primary this backup follows (rules.ts has already settled epochs). A backup whose log
 * is not yet a copy of this primary's takes only the whole log (index 1) and replaces its own with it: that is
 * where the writes an old primary never replicated are truncated away (DDIA ch. 5: "the old leader's
 * unreplicated writes to simply be discarded"; spec: truncates to the new primary's log). Until then it asks
 * for the whole log (Ack 0). A backup already in step appends what it lacks; a late or duplicated copy of
 * entries it holds changes nothing, since within one epoch this primary's log only grows.
 */
export function onReplicate(
  ctx: Ctx,
  from: NodeId,
  m: Extract<PbServerMessage, { type: 'Replicate' }>,
  base: Partial<Ctx>,
): Plan<Ctx> {
  const me = { ...ctx, ...base };
  const alive = [awaitPrimary(me), cancelTimer(POSITIONS)];
  if (!isSynced(me, from)) {
    if (m.index !== 1) return { changes: { ...base, asking: null }, actions: [...alive, ack(me, from, 0)] };
    const log = m.entries;
    return {
      changes: {
        ...base,
        asking: null,
        log,
        syncedWith: { epoch: me.epoch, primary: from },
        ackedIndex: Math.min(m.ackedIndex, log.length),
      },
      actions: [...alive, ack(me, from, log.length)],
    };
  }
  if (m.index > me.log.length + 1)
    return { changes: { ...base, asking: null }, actions: [...alive, ack(me, from, me.log.length)] };
  const fresh = m.entries.slice(me.log.length - (m.index - 1));
  const log: readonly LogEntry[] = fresh.length > 0 ? [...me.log, ...fresh] : me.log;
  const ackedIndex = Math.max(me.ackedIndex, Math.min(m.ackedIndex, log.length));
  return { changes: { ...base, asking: null, log, ackedIndex }, actions: [...alive, ack(me, from, log.length)] };
}

/** A Heartbeat: the primary is alive. A backup whose log is not its copy yet asks for the whole log. */
export function onHeartbeat(ctx: Ctx, from: NodeId, ackedIndex: number, base: Partial<Ctx>): Plan<Ctx> {
  const me = { ...ctx, ...base };
  const alive = [awaitPrimary(me), cancelTimer(POSITIONS)];
  if (!isSynced(me, from)) return { changes: { ...base, asking: null }, actions: [...alive, ack(me, from, 0)] };
  const acked = Math.max(me.ackedIndex, Math.min(ackedIndex, me.log.length));
  return { changes: { ...base, asking: null, ackedIndex: acked }, actions: alive };
}

/** spec: a backup that timed out asks the others' Position before it may promote itself. */
export function onFailoverTimeout(ctx: Ctx): Plan<Ctx> {
  if (ctx.role !== 'backup') return { changes: null, actions: [] };
  const others = ctx.servers.filter((s) => s !== ctx.id);
  return {
    changes: { asking: [] },
    actions: [
      ...others.map((s) => send<PbServerMessage>(s, { type: 'Position', epoch: ctx.epoch })),
      // Two heartbeats to hear back (teaching): what arrives later was not heard.
      startTimer(POSITIONS, 2 * ctx.config.heartbeatMs, { type: 'positions' }),
    ],
  };
}

/** Any server answers a Position with its own. */
export function onPosition(ctx: Ctx, from: NodeId): Plan<Ctx> {
  return {
    changes: null,
    actions: [send<PbServerMessage>(from, { type: 'PositionReply', primaryId: ctx.primaryId, ...positionOf(ctx) })],
  };
}

/**
 * The answers are in: if none it heard is ahead of it (log.ts, `isAhead`), the backup promotes itself with the
 * next epoch and says so (NewPrimary) to every server and client (DDIA ch. 5, failover steps 2 and 3). There
 * is no quorum: a backup cut off from the others hears no one and promotes itself while the old primary may
 * still serve, the split brain DDIA warns of. Otherwise it waits for the primary again.
 */
export function onPositionsIn(ctx: Ctx): Plan<Ctx> {
  if (ctx.role !== 'backup' || ctx.asking === null) return { changes: null, actions: [] };
  if (ctx.asking.some((h) => isAhead(h, ctx))) return { changes: { asking: null }, actions: [awaitPrimary(ctx)] };
  return promote(ctx, Math.max(ctx.epoch, ...ctx.asking.map((h) => h.epoch)) + 1);
}

function promote(ctx: Ctx, epoch: number): Plan<Ctx> {
  const changes: Partial<Ctx> = {
    role: 'primary',
    epoch,
    primaryId: ctx.id,
    syncedWith: { epoch, primary: ctx.id },
    asking: null,
    matchIndex: {},
    waiting: [],
    semiSyncOn: ctx.config.mode === 'semi-sync',
    // Asynchronous replication counts every entry in the primary's own log as acknowledged.
    ackedIndex: ctx.config.mode === 'async' ? ctx.log.length : ctx.ackedIndex,
  };
  const next = { ...ctx, ...changes };
  const told = [...ctx.servers.filter((s) => s !== ctx.id), ...ctx.clients].map((n) =>
    send<PbServerMessage>(n, { type: 'NewPrimary', epoch }),
  );
  const beat = heartbeat(next);
  return { changes, actions: [cancelTimer(FAILOVER), ...told, ...beat.actions] };
}

/** The fields a server resets when it follows another primary (or none yet), and the timers that go with it. */
export function followPlan(
  ctx: Ctx,
  epoch: number,
  primaryId: NodeId | null,
): { changes: Partial<Ctx>; actions: Action[] } {
  const wasPrimary = ctx.role === 'primary';
  return {
    changes: { role: 'backup', epoch, primaryId, asking: null, matchIndex: {}, waiting: [], semiSyncOn: false },
    actions: [
      ...(wasPrimary ? [cancelTimer(PRIMARY_TIMERS.HEARTBEAT)] : []),
      cancelTimer(POSITIONS),
      startTimer(FAILOVER, ctx.config.failoverTimeoutMs, { type: 'failover' }),
    ],
  };
}

export const BACKUP_TIMERS = { FAILOVER, POSITIONS } as const;
