import type { MessageLook, Milestone } from '../../engine/protocol';
import type { NodeId, NodeView, Payload } from '../../engine/types';
import type { LogEntry, PbContext, PbMessage, Role } from './types';

/** A server's view: spec/protocols.md `primary-backup` (role, epoch, primaryId, log, ackedIndex, semiSyncOn). */
export interface ServerView {
  readonly role: Role;
  readonly epoch: number;
  readonly primaryId: NodeId | null;
  readonly log: readonly LogEntry[];
  readonly ackedIndex: number;
  readonly semiSyncOn: boolean;
  readonly [k: string]: unknown;
}

/** A client's view: the primary it believes in, and the operations it waits on. */
export interface ClientView {
  readonly role: 'client';
  readonly primary: NodeId;
  readonly pending: readonly string[];
  readonly [k: string]: unknown;
}

export type PbView = ServerView | ClientView;

export const isServerView = (v: NodeView): v is ServerView => v.role === 'primary' || v.role === 'backup';

export function pbView(ctx: PbContext): PbView {
  if (ctx.kind === 'client') {
    return { role: 'client', primary: ctx.primary, pending: ctx.pending.map((p) => `${p.op}: ${p.command}`) };
  }
  return {
    role: ctx.role,
    epoch: ctx.epoch,
    primaryId: ctx.primaryId,
    log: ctx.log,
    ackedIndex: ctx.ackedIndex,
    semiSyncOn: ctx.semiSyncOn,
  };
}

export function describePbMessage(payload: Payload): MessageLook {
  const m = payload as PbMessage;
  switch (m.type) {
    case 'Read':
      return { label: `Read ${m.key}`, isReply: false };
    case 'Write':
      return { label: `Write ${m.key} ${m.value}`, isReply: false };
    case 'Cas':
      return { label: `Cas ${m.key} ${m.expected}→${m.value}`, isReply: false };
    case 'ReadOk':
      return { label: `ReadOk ${m.value ?? 'nil'}`, isReply: true };
    case 'WriteOk':
    case 'CasOk':
    case 'CasFail':
      return { label: m.type, isReply: true };
    case 'NotPrimary':
      return { label: `NotPrimary → ${m.primaryId ?? '?'}`, isReply: true };
    case 'Replicate':
      return {
        label: `Replicate e${m.epoch} #${m.index}${m.entries.length === 1 ? '' : `+${m.entries.length}`}`,
        isReply: false,
      };
    case 'Ack':
      return { label: `Ack ${m.index}`, isReply: true };
    case 'Heartbeat':
      return { label: `Heartbeat e${m.epoch}`, isReply: false };
    case 'Position':
      return { label: 'Position?', isReply: false };
    case 'PositionReply':
      return { label: `Position e${m.lastEpoch}:${m.length}`, isReply: true };
    case 'NewPrimary':
      return { label: `NewPrimary e${m.epoch}`, isReply: false };
    default:
      return m satisfies never;
  }
}

/** The timeline's marks: a server promoted to primary of a new epoch; a semi-sync primary falling back to async. */
export function pbMilestones(node: NodeId, before: NodeView | undefined, after: NodeView): readonly Milestone[] {
  if (before === undefined || !isServerView(after) || !isServerView(before) || after.role !== 'primary') return [];
  const out: Milestone[] = [];
  if (before.role !== 'primary' || before.epoch !== after.epoch) {
    out.push({ kind: 'promote', label: `${node} primary of epoch ${after.epoch}` });
  }
  if (before.role === 'primary' && before.semiSyncOn && !after.semiSyncOn) {
    out.push({ kind: 'fallback', label: `${node} falls back to async` });
  }
  return out;
}
