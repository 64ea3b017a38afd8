import { and, assign, enqueueActions, setup } from 'xstate';
import type { NodeInput } from '../../engine/protocol';
import type { ReplyRequest, SendRequest } from '../../engine/stepper';
import type { NodeId, VirtualMs } from '../../engine/types';
import { onAppendReply, onClientRequest } from './leader';
import { lastIndex } from './log';
import {
  acceptEntries,
  appendEntriesFor,
  decidePreVote,
  decideVote,
  drawTimeout,
  hasLostQuorum,
  hasMajority,
  voteRequest,
} from './rules';
import type { RaftBug, RaftConfig, RaftContext, RaftMessage, RaftPersistent } from './types';

type Meta = { from: NodeId; at: VirtualMs; entropy: number };
type Incoming = RaftMessage & Meta;
type Of<T extends RaftMessage['type']> = Extract<RaftMessage, { type: T }> & Meta;
type RaftEvent = Incoming | { type: 'request'; command: string; at: VirtualMs; entropy: number };

const entropyOf = (event: unknown): number => {
  const e = event as { entropy?: number; input?: { entropy?: number } };
  return e.entropy ?? e.input?.entropy ?? 0;
};
const timeOf = (event: unknown): VirtualMs => {
  const e = event as { at?: number; input?: { at?: number } };
  return e.at ?? e.input?.at ?? 0;
};
const send = (to: NodeId, message: RaftMessage): SendRequest => ({ type: 'send', to, message });

/**
 * A Raft server, faithful to Figure 2 of the Raft paper, with PreVote and CheckQuorum from Ongaro's
 * thesis as options. The rules live in rules.ts as pure functions; this machine decides the role and
 * which timer runs: the election timer in every role but leader, the heartbeat timer in leader.
 * A new leader does not append a no-op entry (Figure 2 does not ask for one); entries of earlier terms
 * therefore commit only once an entry of the leader's own term does.
 */
export const raftMachine = setup({
  types: {
    context: {} as RaftContext,
    events: {} as RaftEvent,
    input: {} as NodeInput<RaftConfig, RaftPersistent>,
    emitted: {} as SendRequest | ReplyRequest,
  },
  delays: {
    election: ({ context }) => context.electionTimeoutMs,
    heartbeat: ({ context }) => context.config.heartbeatMs,
  },
  guards: {
    grantsVote: ({ context, event }) => {
      const d = decideVote(context, event as Of<'RequestVote'>);
      return !d.ignored && d.granted;
    },
    seesNewerTerm: ({ context, event }) => {
      if (event.type === 'RequestVote') {
        const d = decideVote(context, event as Of<'RequestVote'>);
        return !d.ignored && d.term > context.term;
      }
      return 'term' in event && event.term > context.term;
    },
    /** A rejected pre-vote that reveals a later term than ours. */
    preVoteRevealsNewerTerm: ({ context, event }) => {
      const e = event as Of<'PreVoteReply'>;
      return !e.voteGranted && e.term > context.term;
    },
    /** Figure 2 converts a server to follower on a higher term; one that is a follower already stays as it is. */
    isFollower: ({ context }) => context.role === 'follower',
    isCurrentLeaderMessage: ({ context, event }) => (event as Of<'AppendEntries'>).term >= context.term,
    hasMajority: ({ context }) => hasMajority(context),
    hasLostQuorum: ({ context, event }) => hasLostQuorum(context, timeOf(event)),
  },
  actions: {
    adoptNewerTerm: assign(({ context, event }) => {
      const term = (event as { term: number }).term;
      return term > context.term ? { term, votedFor: null, leaderId: null } : {};
    }),
    answerVote: enqueueActions(({ context, event, enqueue }) => {
      const m = event as Of<'RequestVote'>;
      const d = decideVote(context, m);
      if (d.ignored) return;
      if (d.granted) enqueue.assign({ votedFor: m.candidateId });
      enqueue.emit(send(m.from, { type: 'RequestVoteReply', term: d.term, voteGranted: d.granted }));
    }),
    answerPreVote: enqueueActions(({ context, event, enqueue }) => {
      const m = event as Of<'PreVote'>;
      const granted = decidePreVote(context, m);
      enqueue.emit(send(m.from, { type: 'PreVoteReply', term: granted ? m.term : context.term, voteGranted: granted }));
    }),
    countVote: assign(({ context, event }) => {
      const m = event as Of<'RequestVoteReply'>;
      const counts = context.role === 'candidate' && m.term === context.term && m.voteGranted;
      return counts && !context.votes.includes(m.from) ? { votes: [...context.votes, m.from] } : {};
    }),
    countPreVote: assign(({ context, event }) => {
      const m = event as Of<'PreVoteReply'>;
      const counts = context.role === 'precandidate' && m.term === context.term + 1 && m.voteGranted;
      return counts && !context.votes.includes(m.from) ? { votes: [...context.votes, m.from] } : {};
    }),
    acceptEntries: enqueueActions(({ context, event, enqueue }) => {
      const m = event as Of<'AppendEntries'>;
      const { ctx, reply } = acceptEntries(context, m);
      // The time of contact matters only to the PreVote and CheckQuorum leases; not writing it otherwise
      // leaves the context untouched by a plain heartbeat.
      const tracksLease = context.config.preVote || context.config.checkQuorum;
      const changes = {
        ...(ctx.log !== undefined && ctx.log !== context.log ? { log: ctx.log } : {}),
        ...(ctx.commitIndex !== undefined && ctx.commitIndex !== context.commitIndex
          ? { commitIndex: ctx.commitIndex }
          : {}),
        ...(context.leaderId !== m.leaderId ? { leaderId: m.leaderId } : {}),
        ...(tracksLease ? { leaderContactMs: m.at } : {}),
      };
      if (Object.keys(changes).length > 0) enqueue.assign(changes);
      enqueue.emit(send(m.from, reply));
    }),
    rejectStaleEntries: enqueueActions(({ context, event, enqueue }) => {
      const m = event as Of<'AppendEntries'>;
      enqueue.emit(
        send(m.from, {
          type: 'AppendEntriesReply',
          term: context.term,
          success: false,
          matchIndex: 0,
          prevLogIndex: m.prevLogIndex,
        }),
      );
    }),
    learnFromReply: enqueueActions(({ context, event, enqueue }) => {
      const plan = onAppendReply(context, event as Of<'AppendEntriesReply'>);
      if (plan.changes) enqueue.assign(plan.changes);
      for (const e of plan.emits) enqueue.emit(e);
    }),
    takeRequest: enqueueActions(({ context, event, enqueue }) => {
      const plan = onClientRequest(context, (event as { command: string }).command);
      if (plan.changes) enqueue.assign(plan.changes);
      for (const e of plan.emits) enqueue.emit(e);
    }),
  },
}).createMachine({
  id: 'raft',
  context: ({ input }) => ({
    id: input.id,
    peers: input.peers,
    config: input.config,
    bug: input.bug as RaftBug | null,
    term: input.persistent?.term ?? 0,
    votedFor: input.persistent?.votedFor ?? null,
    log: input.persistent?.log ?? [],
    role: 'follower',
    commitIndex: 0,
    leaderId: null,
    votes: [],
    electionTimeoutMs: drawTimeout(input, input.entropy),
    nextIndex: {},
    matchIndex: {},
    leaderContactMs: null,
    lastAckMs: {},
  }),
  initial: 'follower',
  on: {
    RequestVote: [
      // Granting restarts the election timer (Figure 2, rules for followers); a newer term is adopted first.
      { guard: 'grantsVote', target: '.follower', actions: ['adoptNewerTerm', 'answerVote'] },
      // A refused vote of a newer term: adopt the term; a follower keeps its election deadline (Figure 2
      // restarts it only on a granted vote or the current leader's AppendEntries; LogCabin does the same).
      { guard: and(['seesNewerTerm', 'isFollower']), actions: ['adoptNewerTerm', 'answerVote'] },
      { guard: 'seesNewerTerm', target: '.follower', actions: ['adoptNewerTerm', 'answerVote'] },
      { actions: 'answerVote' },
    ],
    PreVote: { actions: 'answerPreVote' },
    RequestVoteReply: [
      { guard: and(['seesNewerTerm', 'isFollower']), actions: 'adoptNewerTerm' },
      { guard: 'seesNewerTerm', target: '.follower', actions: 'adoptNewerTerm' },
      { actions: 'countVote' },
    ],
    PreVoteReply: [
      { guard: and(['preVoteRevealsNewerTerm', 'isFollower']), actions: 'adoptNewerTerm' },
      { guard: 'preVoteRevealsNewerTerm', target: '.follower', actions: 'adoptNewerTerm' },
      { actions: 'countPreVote' },
    ],
    // A valid AppendEntries (term >= ours) comes from the leader of our term: follow it and restart the election timer.
    AppendEntries: [
      { guard: 'isCurrentLeaderMessage', target: '.follower', actions: ['adoptNewerTerm', 'acceptEntries'] },
      { actions: 'rejectStaleEntries' },
    ],
    AppendEntriesReply: [
      { guard: and(['seesNewerTerm', 'isFollower']), actions: 'adoptNewerTerm' },
      { guard: 'seesNewerTerm', target: '.follower', actions: 'adoptNewerTerm' },
      { actions: 'learnFromReply' },
    ],
    request: { actions: 'takeRequest' },
  },
  states: {
    follower: {
      entry: assign(({ context, event }) => ({
        role: 'follower' as const,
        votes: [],
        nextIndex: {},
        matchIndex: {},
        electionTimeoutMs: drawTimeout(context, entropyOf(event)),
      })),
      after: {
        election: [{ guard: ({ context }) => context.config.preVote, target: 'precandidate' }, { target: 'candidate' }],
      },
    },
    precandidate: {
      entry: enqueueActions(({ context, event, enqueue }) => {
        enqueue.assign({
          role: 'precandidate',
          votes: [context.id],
          leaderId: null,
          electionTimeoutMs: drawTimeout(context, entropyOf(event)),
        });
        for (const peer of context.peers) enqueue.emit(send(peer, voteRequest(context, 'PreVote', context.term + 1)));
      }),
      always: { guard: 'hasMajority', target: 'candidate' },
      after: { election: { target: 'precandidate', reenter: true } },
    },
    candidate: {
      // Figure 2, rules for candidates: increment currentTerm, vote for self, reset the timer, send RequestVote.
      entry: enqueueActions(({ context, event, enqueue }) => {
        const next = { ...context, term: context.term + 1 };
        enqueue.assign({
          role: 'candidate',
          term: next.term,
          votedFor: context.id,
          votes: [context.id],
          leaderId: null,
          electionTimeoutMs: drawTimeout(context, entropyOf(event)),
        });
        for (const peer of context.peers) enqueue.emit(send(peer, voteRequest(next, 'RequestVote', next.term)));
      }),
      always: { guard: 'hasMajority', target: 'leader' },
      after: { election: { target: 'candidate', reenter: true } },
    },
    leader: {
      entry: assign(({ context, event }) => {
        const next = lastIndex(context.log) + 1;
        const at = timeOf(event);
        return {
          role: 'leader' as const,
          leaderId: context.id,
          votes: [],
          nextIndex: Object.fromEntries(context.peers.map((p) => [p, next])),
          matchIndex: Object.fromEntries(context.peers.map((p) => [p, 0])),
          lastAckMs: Object.fromEntries(context.peers.map((p) => [p, at])),
        };
      }),
      initial: 'active',
      states: {
        active: {
          // Figure 2: upon election and during idle periods, send AppendEntries (heartbeats) to each server.
          entry: enqueueActions(({ context, enqueue }) => {
            for (const peer of context.peers) enqueue.emit(send(peer, appendEntriesFor(context, peer)));
          }),
          after: {
            heartbeat: [
              { guard: 'hasLostQuorum', target: '#raft.follower' },
              { target: 'active', reenter: true },
            ],
          },
        },
      },
    },
  },
});
