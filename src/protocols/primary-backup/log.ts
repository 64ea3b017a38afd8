import type { NodeId } from '../../engine/types';
import { registerOps } from '../shared/registerOps';
import type { HeardPosition, LogEntry, ServerContext } from './types';

/**
 * The register a log describes, read at `upTo` entries: the last write or successful cas of `key` (only
 * successful cas are logged), or null when nothing wrote it. State machine replication over a log.
 */
export function valueAt(log: readonly LogEntry[], upTo: number, key: string): number | null {
  for (let i = Math.min(upTo, log.length) - 1; i >= 0; i--) {
    const op = registerOps.parse((log[i] as LogEntry).command);
    if (op === null || op.key !== key) continue;
    if (op.name === 'write') return op.args[0] as number;
    if (op.name === 'cas') return op.args[1] as number;
  }
  return null;
}

/** Whether `op` is in the log (a duplicate must not be logged twice), and where (1-based; 0 when absent). */
export function indexOfOp(log: readonly LogEntry[], op: number): number {
  for (let i = log.length - 1; i >= 0; i--) if ((log[i] as LogEntry).op === op) return i + 1;
  return 0;
}

/** A server's position, as PositionReply reports it: its epoch and role, and how far its log goes. */
export function positionOf(ctx: ServerContext): Omit<HeardPosition, 'from'> {
  return {
    epoch: ctx.epoch,
    role: ctx.role,
    lastEpoch: ctx.log[ctx.log.length - 1]?.epoch ?? 0,
    length: ctx.log.length,
  };
}

/**
 * Whether a position another server reported is ahead of this backup's, so this backup must not promote
 * itself (DDIA ch. 5, failover: "the best candidate for leadership is usually the replica with the most
 * up-to-date data changes from the old leader"). A live primary of this epoch or later is ahead of any
 * backup; otherwise the later last entry wins, then the longer log, and on a tie the earlier server
 * (spec: "ties: earlier node").
 */
export function isAhead(heard: HeardPosition, me: ServerContext): boolean {
  if (heard.role === 'primary' && heard.epoch >= me.epoch) return true;
  const mine = positionOf(me);
  if (heard.lastEpoch !== mine.lastEpoch) return heard.lastEpoch > mine.lastEpoch;
  if (heard.length !== mine.length) return heard.length > mine.length;
  return isEarlier(me.servers, heard.from, me.id);
}

/** Whether server `a` comes before `b` in the scenario's order. */
export function isEarlier(servers: readonly NodeId[], a: NodeId, b: NodeId): boolean {
  return servers.indexOf(a) < servers.indexOf(b);
}

/** The servers a primary replicates to: every other server. */
export const backupsOf = (ctx: ServerContext): readonly NodeId[] => ctx.servers.filter((s) => s !== ctx.id);
