import type { ReplyRequest, SendRequest } from '../../engine/stepper';
import type { NodeId, VirtualMs } from '../../engine/types';
import { lastIndex } from './log';
import { appendEntriesFor, nextCommitIndex } from './rules';
import type { RaftContext, RaftMessage } from './types';

/**
 * A leader's side of replication as plans: what to change in the context and what to emit. The
 * machine applies them; nothing here performs anything (Figure 2, rules for leaders).
 */
export interface Plan {
  readonly changes: Partial<RaftContext> | null;
  readonly emits: readonly (SendRequest | ReplyRequest)[];
}

type AppendReply = Extract<RaftMessage, { type: 'AppendEntriesReply' }> & { from: NodeId; at: VirtualMs };

const send = (to: NodeId, message: RaftMessage): SendRequest => ({ type: 'send', to, message });
const committed = (command: string, index: number): ReplyRequest => ({
  type: 'reply',
  command,
  ok: true,
  note: `committed at index ${index}`,
});

/** An AppendEntries reply: advance the follower's indices, commit what a majority holds, keep it coming. */
export function onAppendReply(ctx: RaftContext, m: AppendReply): Plan {
  if (ctx.role !== 'leader' || m.term !== ctx.term) return { changes: null, emits: [] };
  const peer = m.from;
  const lastAckMs = ctx.config.checkQuorum ? { ...ctx.lastAckMs, [peer]: m.at } : ctx.lastAckMs;
  const ackOnly = lastAckMs === ctx.lastAckMs ? null : { lastAckMs };
  if (!m.success) {
    // Figure 2: on a consistency-check failure, decrement nextIndex and retry, once per failed request.
    if (ctx.nextIndex[peer] !== m.prevLogIndex + 1) return { changes: ackOnly, emits: [] };
    const nextIndex = { ...ctx.nextIndex, [peer]: Math.max(1, m.prevLogIndex) };
    return { changes: { lastAckMs, nextIndex }, emits: [send(peer, appendEntriesFor({ ...ctx, nextIndex }, peer))] };
  }
  const match = Math.max(ctx.matchIndex[peer] ?? 0, m.matchIndex);
  if (match === ctx.matchIndex[peer] && (ctx.nextIndex[peer] ?? 1) > match) {
    // Nothing new (a heartbeat's answer): leave the context alone, but keep a lagging follower coming.
    const lagging = (ctx.nextIndex[peer] ?? 1) <= lastIndex(ctx.log);
    return { changes: ackOnly, emits: lagging ? [send(peer, appendEntriesFor(ctx, peer))] : [] };
  }
  const matchIndex = { ...ctx.matchIndex, [peer]: match };
  const nextIndex = { ...ctx.nextIndex, [peer]: Math.max(ctx.nextIndex[peer] ?? 1, match + 1) };
  const commitIndex = nextCommitIndex({ ...ctx, matchIndex, nextIndex });
  const emits: (SendRequest | ReplyRequest)[] = [];
  for (let i = ctx.commitIndex + 1; i <= commitIndex; i++) {
    const entry = ctx.log[i - 1];
    // Only entries of this term came from requests this leader took; it answers those.
    if (entry?.term === ctx.term) emits.push(committed(entry.command, i));
  }
  // Keep a lagging follower coming without waiting for the next heartbeat.
  if ((nextIndex[peer] ?? 1) <= lastIndex(ctx.log)) {
    emits.push(send(peer, appendEntriesFor({ ...ctx, matchIndex, nextIndex, commitIndex }, peer)));
  }
  return { changes: { lastAckMs, matchIndex, nextIndex, commitIndex }, emits };
}

/** A client request: the leader appends it and replicates at once; anyone else answers with a hint. */
export function onClientRequest(ctx: RaftContext, command: string): Plan {
  if (ctx.role !== 'leader') {
    const note = ctx.leaderId ? `not the leader; try ${ctx.leaderId}` : 'not the leader; no leader known';
    return { changes: null, emits: [{ type: 'reply', command, ok: false, note }] };
  }
  const log = [...ctx.log, { term: ctx.term, command }];
  // Counting replicas includes the leader itself: a single-node cluster commits at once.
  const commitIndex = nextCommitIndex({ ...ctx, log });
  const emits: (SendRequest | ReplyRequest)[] = commitIndex > ctx.commitIndex ? [committed(command, commitIndex)] : [];
  for (const peer of ctx.peers) emits.push(send(peer, appendEntriesFor({ ...ctx, log }, peer)));
  return { changes: { log, commitIndex }, emits };
}
