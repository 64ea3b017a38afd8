import { type Action, type Incoming, type Plan, reply, send } from '../../engine/kit';
import { lastIndex } from './log';
import { appendEntriesFor, nextCommitIndex } from './rules';
import type { RaftContext, RaftMessage } from './types';

/**
 * A leader's side of replication as plans (the kit's `Plan`): what to change in the context and what to
 * send. The machine performs them; nothing here performs anything (Figure 2, rules for leaders).
 */
type AppendReplyMessage = Extract<RaftMessage, { type: 'AppendEntriesReply' }>;
type AppendReply = AppendReplyMessage & Pick<Incoming<AppendReplyMessage>, 'from' | 'at'>;

const committed = (command: string, index: number): Action => reply(command, true, `committed at index ${index}`);

/** An AppendEntries reply: advance the follower's indices, commit what a majority holds, keep it coming. */
export function onAppendReply(ctx: RaftContext, m: AppendReply): Plan<RaftContext> {
  if (ctx.role !== 'leader' || m.term !== ctx.term) return { changes: null, actions: [] };
  const peer = m.from;
  const lastAckMs = ctx.config.checkQuorum ? { ...ctx.lastAckMs, [peer]: m.at } : ctx.lastAckMs;
  const ackOnly = lastAckMs === ctx.lastAckMs ? null : { lastAckMs };
  if (!m.success) {
    // Figure 2: on a consistency-check failure, decrement nextIndex and retry, once per failed request.
    if (ctx.nextIndex[peer] !== m.prevLogIndex + 1) return { changes: ackOnly, actions: [] };
    const nextIndex = { ...ctx.nextIndex, [peer]: Math.max(1, m.prevLogIndex) };
    return { changes: { lastAckMs, nextIndex }, actions: [send(peer, appendEntriesFor({ ...ctx, nextIndex }, peer))] };
  }
  const match = Math.max(ctx.matchIndex[peer] ?? 0, m.matchIndex);
  if (match === ctx.matchIndex[peer] && (ctx.nextIndex[peer] ?? 1) > match) {
    // Nothing new (a heartbeat's answer): leave the context alone, but keep a lagging follower coming.
    const lagging = (ctx.nextIndex[peer] ?? 1) <= lastIndex(ctx.log);
    return { changes: ackOnly, actions: lagging ? [send(peer, appendEntriesFor(ctx, peer))] : [] };
  }
  const matchIndex = { ...ctx.matchIndex, [peer]: match };
  const nextIndex = { ...ctx.nextIndex, [peer]: Math.max(ctx.nextIndex[peer] ?? 1, match + 1) };
  const commitIndex = nextCommitIndex({ ...ctx, matchIndex, nextIndex });
  const actions: Action[] = [];
  for (let i = ctx.commitIndex + 1; i <= commitIndex; i++) {
    const entry = ctx.log[i - 1];
    // Only entries of this term came from requests this leader took; it answers those.
    if (entry?.term === ctx.term) actions.push(committed(entry.command, i));
  }
  // Keep a lagging follower coming without waiting for the next heartbeat.
  if ((nextIndex[peer] ?? 1) <= lastIndex(ctx.log)) {
    actions.push(send(peer, appendEntriesFor({ ...ctx, matchIndex, nextIndex, commitIndex }, peer)));
  }
  return { changes: { lastAckMs, matchIndex, nextIndex, commitIndex }, actions };
}

/** A client request: the leader appends it and replicates at once; anyone else answers with a hint. */
export function onClientRequest(ctx: RaftContext, command: string): Plan<RaftContext> {
  if (ctx.role !== 'leader') {
    const note = ctx.leaderId ? `not the leader; try ${ctx.leaderId}` : 'not the leader; no leader known';
    return { changes: null, actions: [reply(command, false, note)] };
  }
  const log = [...ctx.log, { term: ctx.term, command }];
  // Counting replicas includes the leader itself: a single-node cluster commits at once.
  const commitIndex = nextCommitIndex({ ...ctx, log });
  const actions: Action[] = commitIndex > ctx.commitIndex ? [committed(command, commitIndex)] : [];
  for (const peer of ctx.peers) actions.push(send(peer, appendEntriesFor({ ...ctx, log }, peer)));
  return { changes: { log, commitIndex }, actions };
}
