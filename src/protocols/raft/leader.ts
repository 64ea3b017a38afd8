import { type Action, type Incoming, type Plan, reply, send } from '../../engine/kit';
import type { NodeId, VirtualMs } from '../../engine/types';
import { lastIndex } from './log';
import { appendEntriesFor, nextCommitIndex } from './rules';
import type { RaftContext, RaftMessage } from './types';

/**
 * A leader's side of replication as plans (the kit's `Plan`): what to change in the context and what to
 * send. The machine performs them; nothing here performs anything (Figure 2, rules for leaders).
 *
 * Batching (Raft thesis §10.2, performance considerations: "Raft easily supports batching and pipelining";
 * one AppendEntries in flight per follower, as NuRaft documents its default mode): while a follower has not answered an AppendEntries that carries
 * entries, entries appended meanwhile are not sent at once; they ride the next AppendEntries, which its
 * answer or the heartbeat sends. A single request replicates at once, as before; a burst of requests costs
 * a few AppendEntries per follower instead of one per request per follower.
 */
type AppendReplyMessage = Extract<RaftMessage, { type: 'AppendEntriesReply' }>;
type AppendReply = AppendReplyMessage & Pick<Incoming<AppendReplyMessage>, 'from' | 'at'>;
type Awaiting = RaftContext['awaitingAppend'];

const committed = (command: string, index: number): Action => reply(command, true, `committed at index ${index}`);

/** Notes the AppendEntries just sent to `peer` as outstanding when it carries entries (only those are awaited). */
function noting(awaiting: Awaiting, peer: NodeId, m: RaftMessage, atMs: VirtualMs): Awaiting {
  if (m.type !== 'AppendEntries' || m.entries.length === 0) return without(awaiting, peer);
  return { ...awaiting, [peer]: { prevLogIndex: m.prevLogIndex, atMs } };
}

function without(awaiting: Awaiting, peer: NodeId): Awaiting {
  if (awaiting[peer] === undefined) return awaiting;
  const { [peer]: _answered, ...rest } = awaiting;
  return rest;
}

/**
 * Figure 2, rules for leaders: the heartbeat, an AppendEntries to every follower with the entries from its
 * nextIndex. It is also the retry of an AppendEntries lost on the way: it becomes the one awaited.
 */
export function heartbeat(ctx: RaftContext, atMs: VirtualMs): Plan<RaftContext> {
  let awaitingAppend = ctx.awaitingAppend;
  const actions: Action[] = [];
  for (const peer of ctx.peers) {
    const m = appendEntriesFor(ctx, peer);
    actions.push(send(peer, m));
    awaitingAppend = noting(awaitingAppend, peer, m, atMs);
  }
  return { changes: awaitingAppend === ctx.awaitingAppend ? null : { awaitingAppend }, actions };
}

/** An AppendEntries reply: advance the follower's indices, commit what a majority holds, keep it coming. */
export function onAppendReply(ctx: RaftContext, m: AppendReply): Plan<RaftContext> {
  if (ctx.role !== 'leader' || m.term !== ctx.term) return { changes: null, actions: [] };
  const peer = m.from;
  const lastAckMs = ctx.config.checkQuorum ? { ...ctx.lastAckMs, [peer]: m.at } : ctx.lastAckMs;
  // Only the answer to the awaited AppendEntries (or any answer when none is awaited) sends the next one.
  const awaited = ctx.awaitingAppend[peer];
  const isAnswer = awaited?.prevLogIndex === m.prevLogIndex;
  const maySend = awaited === undefined || isAnswer;
  const answered = isAnswer ? without(ctx.awaitingAppend, peer) : ctx.awaitingAppend;
  const unchanged = lastAckMs === ctx.lastAckMs && answered === ctx.awaitingAppend;
  const bookkeeping = unchanged ? null : { lastAckMs, awaitingAppend: answered };
  if (!m.success) {
    // Figure 2: on a consistency-check failure, decrement nextIndex and retry, once per failed request.
    if (ctx.nextIndex[peer] !== m.prevLogIndex + 1) return { changes: bookkeeping, actions: [] };
    const nextIndex = { ...ctx.nextIndex, [peer]: Math.max(1, m.prevLogIndex) };
    if (!maySend) return { changes: { lastAckMs, awaitingAppend: answered, nextIndex }, actions: [] };
    const retry = appendEntriesFor({ ...ctx, nextIndex }, peer);
    const awaitingAppend = noting(answered, peer, retry, m.at);
    return { changes: { lastAckMs, awaitingAppend, nextIndex }, actions: [send(peer, retry)] };
  }
  const match = Math.max(ctx.matchIndex[peer] ?? 0, m.matchIndex);
  if (match === ctx.matchIndex[peer] && (ctx.nextIndex[peer] ?? 1) > match) {
    // Nothing new (a heartbeat's answer): leave the indices alone, but keep a lagging follower coming.
    const lagging = (ctx.nextIndex[peer] ?? 1) <= lastIndex(ctx.log);
    if (!lagging || !maySend) return { changes: bookkeeping, actions: [] };
    const next = appendEntriesFor(ctx, peer);
    return { changes: { lastAckMs, awaitingAppend: noting(answered, peer, next, m.at) }, actions: [send(peer, next)] };
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
  let awaitingAppend = answered;
  // Keep a lagging follower coming without waiting for the next heartbeat.
  if (maySend && (nextIndex[peer] ?? 1) <= lastIndex(ctx.log)) {
    const next = appendEntriesFor({ ...ctx, matchIndex, nextIndex, commitIndex }, peer);
    actions.push(send(peer, next));
    awaitingAppend = noting(awaitingAppend, peer, next, m.at);
  }
  return { changes: { lastAckMs, matchIndex, nextIndex, commitIndex, awaitingAppend }, actions };
}

/**
 * A client request: the leader appends it, and replicates it at once to every follower that is not
 * awaiting an answer (the others get it with the next AppendEntries); anyone else answers with a hint.
 */
export function onClientRequest(ctx: RaftContext, command: string, atMs: VirtualMs): Plan<RaftContext> {
  if (ctx.role !== 'leader') {
    const note = ctx.leaderId ? `not the leader; try ${ctx.leaderId}` : 'not the leader; no leader known';
    return { changes: null, actions: [reply(command, false, note)] };
  }
  const log = [...ctx.log, { term: ctx.term, command }];
  // Counting replicas includes the leader itself: a single-node cluster commits at once.
  const commitIndex = nextCommitIndex({ ...ctx, log });
  const actions: Action[] = commitIndex > ctx.commitIndex ? [committed(command, commitIndex)] : [];
  let awaitingAppend = ctx.awaitingAppend;
  for (const peer of ctx.peers) {
    if (awaitingAppend[peer]?.atMs === atMs) continue;
    const m = appendEntriesFor({ ...ctx, log }, peer);
    actions.push(send(peer, m));
    awaitingAppend = noting(awaitingAppend, peer, m, atMs);
  }
  return { changes: { log, commitIndex, awaitingAppend }, actions };
}
