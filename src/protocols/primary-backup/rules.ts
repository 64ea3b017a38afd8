import { type Incoming, nothing, type Plan, reply, send } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import {
  awaitPrimary,
  followPlan,
  isSynced,
  onFailoverTimeout,
  onHeartbeat,
  onPosition,
  onPositionsIn,
  onReplicate,
} from './backup';
import { isEarlier } from './log';
import { heartbeat, onAck, onClientRequest, onSemiSyncTimeout } from './primary';
import type { PbServerMessage, ServerContext, ServerEvent } from './types';

type Ctx = ServerContext;
type FromPrimary = Extract<PbServerMessage, { type: 'Replicate' | 'Heartbeat' | 'NewPrimary' }>;

/** A server's rules: one pure step per event (primary.ts and backup.ts hold the rules of each role). */
export function serverStep(ctx: Ctx, e: ServerEvent): Plan<Ctx> {
  switch (e.type) {
    case 'request':
      return { changes: null, actions: [reply(e.command, false, 'send it from a client')] };
    case 'Read':
    case 'Write':
    case 'Cas':
      // Reads and writes at the primary only; a backup names the primary it follows.
      if (ctx.role !== 'primary') {
        return { changes: null, actions: [send(e.from, { type: 'NotPrimary', op: e.op, primaryId: ctx.primaryId })] };
      }
      return onClientRequest(ctx, e);
    case 'heartbeat':
      return ctx.role === 'primary' ? heartbeat(ctx) : nothing();
    case 'failover':
      return onFailoverTimeout(ctx);
    case 'positions':
      return onPositionsIn(ctx);
    case 'semiSyncTimeout':
      return ctx.role === 'primary' ? onSemiSyncTimeout(ctx, e.index) : nothing();
    case 'Replicate':
    case 'Heartbeat':
    case 'NewPrimary':
      return fromPrimary(ctx, e);
    case 'Ack':
      return onAckMessage(ctx, e);
    case 'Position':
      return onPosition(ctx, e.from);
    case 'PositionReply': {
      if (e.epoch > ctx.epoch) return followPlan(ctx, e.epoch, e.primaryId === ctx.id ? null : e.primaryId);
      if (ctx.asking === null || ctx.asking.some((h) => h.from === e.from)) return nothing();
      const heard = { from: e.from, epoch: e.epoch, role: e.role, lastEpoch: e.lastEpoch, length: e.length };
      return { changes: { asking: [...ctx.asking, heard] }, actions: [] };
    }
    default:
      return e satisfies never;
  }
}

/**
 * A message from a server acting as primary of `m.epoch`. A node seeing a higher epoch follows its sender
 * (spec: "a node seeing a higher epoch follows and truncates to the new primary's log"). Two primaries of one
 * epoch (two backups promoted at once, each hearing no one) meet here: the earlier server stays primary (spec:
 * ties go to the earlier node). A message of an older epoch is answered with this node's epoch, so an old
 * primary learns it was replaced.
 */
function fromPrimary(ctx: Ctx, m: Incoming<FromPrimary>): Plan<Ctx> {
  if (m.epoch < ctx.epoch) {
    return {
      changes: null,
      actions: [send<PbServerMessage>(m.from, { type: 'Ack', epoch: ctx.epoch, index: 0, primaryId: ctx.primaryId })],
    };
  }
  const base = followsFrom(ctx, m.from, m.epoch);
  if (base === null) return nothing();
  const joined = (plan: Plan<Ctx>): Plan<Ctx> => ({
    changes: plan.changes,
    actions: [...base.actions, ...plan.actions],
  });
  switch (m.type) {
    case 'Replicate':
      return joined(onReplicate(ctx, m.from, m, base.changes));
    case 'Heartbeat':
      return joined(onHeartbeat(ctx, m.from, m.ackedIndex, base.changes));
    case 'NewPrimary': {
      const me = { ...ctx, ...base.changes };
      const ask = isSynced(me, m.from)
        ? []
        : [send<PbServerMessage>(m.from, { type: 'Ack', epoch: me.epoch, index: 0, primaryId: m.from })];
      return { changes: base.changes, actions: [...base.actions, awaitPrimary(me), ...ask] };
    }
    default:
      return m satisfies never;
  }
}

/** Whether to take a primary's message from `from` at `epoch` (and what following it changes), or null to ignore it. */
function followsFrom(
  ctx: Ctx,
  from: NodeId,
  epoch: number,
): { changes: Partial<Ctx>; actions: Plan<Ctx>['actions'] } | null {
  if (epoch > ctx.epoch) return followPlan(ctx, epoch, from);
  if (ctx.role === 'primary') return isEarlier(ctx.servers, from, ctx.id) ? followPlan(ctx, epoch, from) : null;
  if (ctx.primaryId === from) return { changes: {}, actions: [] };
  if (ctx.primaryId === null || isEarlier(ctx.servers, from, ctx.primaryId)) return followPlan(ctx, epoch, from);
  return null;
}

/**
 * An Ack counts for this primary only if its sender follows it in its epoch. One from a later epoch, or from a
 * backup that follows an earlier primary of this epoch, tells this primary it has been replaced.
 */
function onAckMessage(ctx: Ctx, m: Incoming<Extract<PbServerMessage, { type: 'Ack' }>>): Plan<Ctx> {
  if (m.epoch > ctx.epoch) return followPlan(ctx, m.epoch, m.primaryId === ctx.id ? null : m.primaryId);
  if (ctx.role !== 'primary' || m.epoch < ctx.epoch) return nothing();
  if (m.primaryId === ctx.id) return onAck(ctx, m.from, m.index);
  if (m.primaryId !== null && isEarlier(ctx.servers, m.primaryId, ctx.id)) return followPlan(ctx, m.epoch, m.primaryId);
  return nothing();
}
