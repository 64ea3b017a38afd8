import type { NodeId, VirtualMs } from '../../engine/types';
import { isUpToDate, lastIndex, lastTerm, mergeEntries, termAt } from './log';
import type { RaftContext, RaftMessage } from './types';

/**
 * Raft's rules as pure functions of (context, message): the machine asks these what to do and only
 * then changes state. Section numbers refer to the extended Raft paper; PreVote and CheckQuorum to
 * Ongaro's thesis (§9.6, §6.2).
 */

type Msg<T extends RaftMessage['type']> = Extract<RaftMessage, { type: T }> & { from: NodeId; at: VirtualMs };

export const majority = (ctx: RaftContext): number => Math.floor((ctx.peers.length + 1) / 2) + 1;

export const hasMajority = (ctx: RaftContext): boolean => ctx.votes.length >= majority(ctx);

/** Thesis §4.2.3 / §9.6: has this node heard from a live leader within the minimum election timeout? */
export function heardFromLeaderRecently(ctx: RaftContext, at: VirtualMs): boolean {
  if (ctx.role === 'leader') return true;
  return ctx.leaderContactMs !== null && at - ctx.leaderContactMs < ctx.config.electionTimeoutMs[0];
}

export interface VoteDecision {
  /** With CheckQuorum, a server that believes a leader is alive disregards RequestVote entirely. */
  readonly ignored: boolean;
  readonly term: number;
  readonly granted: boolean;
}

/** Figure 2, RequestVote receiver. */
export function decideVote(ctx: RaftContext, m: Msg<'RequestVote'>): VoteDecision {
  if (ctx.config.checkQuorum && m.term > ctx.term && heardFromLeaderRecently(ctx, m.at)) {
    return { ignored: true, term: ctx.term, granted: false };
  }
  // Rule for all servers: a higher term makes us adopt it (and forget our vote, which was for an older term).
  const term = Math.max(ctx.term, m.term);
  const votedFor = m.term > ctx.term ? null : ctx.votedFor;
  if (m.term < ctx.term) return { ignored: false, term, granted: false };
  const canVote = votedFor === null || votedFor === m.candidateId;
  // Bug `vote-without-log-check` skips §5.4.1's election restriction.
  const upToDate = ctx.bug === 'vote-without-log-check' || isUpToDate(ctx.log, m.lastLogTerm, m.lastLogIndex);
  return { ignored: false, term, granted: canVote && upToDate };
}

/** Thesis §9.6: grant a pre-vote only for a later term, an up-to-date log, and no live leader in sight. */
export function decidePreVote(ctx: RaftContext, m: Msg<'PreVote'>): boolean {
  return m.term > ctx.term && isUpToDate(ctx.log, m.lastLogTerm, m.lastLogIndex) && !heardFromLeaderRecently(ctx, m.at);
}

/** Figure 2, AppendEntries receiver steps 2 to 5, for a request whose term is current. */
export function acceptEntries(
  ctx: RaftContext,
  m: Msg<'AppendEntries'>,
): { ctx: Partial<RaftContext>; reply: RaftMessage } {
  const prevTerm = termAt(ctx.log, m.prevLogIndex);
  if (prevTerm === undefined || prevTerm !== m.prevLogTerm) {
    return {
      ctx: {},
      reply: { type: 'AppendEntriesReply', term: m.term, success: false, matchIndex: 0, prevLogIndex: m.prevLogIndex },
    };
  }
  const log = mergeEntries(ctx.log, m.prevLogIndex, m.entries);
  const lastNew = m.prevLogIndex + m.entries.length;
  const commitIndex = Math.max(ctx.commitIndex, Math.min(m.leaderCommit, lastNew));
  return {
    ctx: { log, commitIndex },
    reply: {
      type: 'AppendEntriesReply',
      term: m.term,
      success: true,
      matchIndex: lastNew,
      prevLogIndex: m.prevLogIndex,
    },
  };
}

/** The AppendEntries a leader sends one follower: entries from its nextIndex, at most maxEntriesPerAppend. */
export function appendEntriesFor(ctx: RaftContext, peer: NodeId): RaftMessage {
  const next = ctx.nextIndex[peer] ?? lastIndex(ctx.log) + 1;
  const prevLogIndex = next - 1;
  return {
    type: 'AppendEntries',
    term: ctx.term,
    leaderId: ctx.id,
    prevLogIndex,
    prevLogTerm: termAt(ctx.log, prevLogIndex) ?? 0,
    entries: ctx.log.slice(prevLogIndex, prevLogIndex + ctx.config.maxEntriesPerAppend),
    leaderCommit: ctx.commitIndex,
  };
}

/**
 * Figure 2, rules for leaders: the highest N > commitIndex that a majority has replicated, with
 * log[N].term == currentTerm (§5.4.2: only current-term entries commit by counting replicas).
 */
export function nextCommitIndex(ctx: RaftContext): number {
  for (let n = lastIndex(ctx.log); n > ctx.commitIndex; n--) {
    let count = 1;
    for (const peer of ctx.peers) if ((ctx.matchIndex[peer] ?? 0) >= n) count++;
    if (count < majority(ctx)) continue;
    // Bug `commit-old-term` counts replicas of earlier terms too: the paper's Figure 8.
    if (ctx.bug === 'commit-old-term' || termAt(ctx.log, n) === ctx.term) return n;
    return ctx.commitIndex;
  }
  return ctx.commitIndex;
}

/** CheckQuorum (thesis §6.2): a leader steps down if a majority has not answered within an election timeout. */
export function hasLostQuorum(ctx: RaftContext, at: VirtualMs): boolean {
  if (!ctx.config.checkQuorum) return false;
  const window = ctx.config.electionTimeoutMs[1];
  let heard = 1;
  for (const peer of ctx.peers) if (at - (ctx.lastAckMs[peer] ?? at) < window) heard++;
  return heard < majority(ctx);
}

export function voteRequest(ctx: RaftContext, type: 'RequestVote' | 'PreVote', term: number): RaftMessage {
  const fields = { term, candidateId: ctx.id, lastLogIndex: lastIndex(ctx.log), lastLogTerm: lastTerm(ctx.log) };
  return type === 'RequestVote' ? { type, ...fields } : { type, ...fields };
}

/** A draw from [lo, hi] for the next election timeout, from the entropy the engine put in the event. */
export function drawTimeout(ctx: Pick<RaftContext, 'config'>, entropy: number): number {
  const [lo, hi] = ctx.config.electionTimeoutMs;
  return lo + (entropy % (hi - lo + 1));
}
