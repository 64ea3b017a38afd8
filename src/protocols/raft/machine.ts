import { and, assign, enqueueActions, setup } from 'xstate';
import { act, at, type Emitted, entropy, type Incoming, type Local, perform, send } from '../../engine/kit';
import type { NodeInput } from '../../engine/protocol';
import { heartbeat, onAppendReply, onClientRequest } from './leader';
import { lastIndex } from './log';
import {
  acceptEntries,
  decidePreVote,
  decideVote,
  drawTimeout,
  hasLostQuorum,
  hasMajority,
  voteRequest,
} from './rules';
import type { RaftBug, RaftConfig, RaftContext, RaftMessage, RaftPersistent } from './types';

type Of<T extends RaftMessage['type']> = Incoming<Extract<RaftMessage, { type: T }>>;
type RaftEvent = Incoming<RaftMessage> | Local<{ type: 'request'; command: string }>;

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
    emitted: {} as Emitted,
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
    hasLostQuorum: ({ context, event }) => hasLostQuorum(context, at(event)),
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
      perform(enqueue, {
        changes: d.granted ? { votedFor: m.candidateId } : null,
        actions: [send<RaftMessage>(m.from, { type: 'RequestVoteReply', term: d.term, voteGranted: d.granted })],
      });
    }),
    answerPreVote: enqueueActions(({ context, event, enqueue }) => {
      const m = event as Of<'PreVote'>;
      const granted = decidePreVote(context, m);
      const term = granted ? m.term : context.term;
      act(enqueue, send<RaftMessage>(m.from, { type: 'PreVoteReply', term, voteGranted: granted }));
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
      perform(enqueue, { changes: Object.keys(changes).length > 0 ? changes : null, actions: [send(m.from, reply)] });
    }),
    rejectStaleEntries: enqueueActions(({ context, event, enqueue }) => {
      const m = event as Of<'AppendEntries'>;
      act(
        enqueue,
        send<RaftMessage>(m.from, {
          type: 'AppendEntriesReply',
          term: context.term,
          success: false,
          matchIndex: 0,
          prevLogIndex: m.prevLogIndex,
        }),
      );
    }),
    learnFromReply: enqueueActions(({ context, event, enqueue }) => {
      perform(enqueue, onAppendReply(context, event as Of<'AppendEntriesReply'>));
    }),
    takeRequest: enqueueActions(({ context, event, enqueue }) => {
      perform(enqueue, onClientRequest(context, (event as { command: string }).command, at(event)));
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
    awaitingAppend: {},
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
        awaitingAppend: {},
        electionTimeoutMs: drawTimeout(context, entropy(event)),
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
          electionTimeoutMs: drawTimeout(context, entropy(event)),
        });
        for (const peer of context.peers) act(enqueue, send(peer, voteRequest(context, 'PreVote', context.term + 1)));
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
          electionTimeoutMs: drawTimeout(context, entropy(event)),
        });
        for (const peer of context.peers) act(enqueue, send(peer, voteRequest(next, 'RequestVote', next.term)));
      }),
      always: { guard: 'hasMajority', target: 'leader' },
      after: { election: { target: 'candidate', reenter: true } },
    },
    leader: {
      entry: assign(({ context, event }) => {
        const next = lastIndex(context.log) + 1;
        const now = at(event);
        return {
          role: 'leader' as const,
          leaderId: context.id,
          votes: [],
          nextIndex: Object.fromEntries(context.peers.map((p) => [p, next])),
          matchIndex: Object.fromEntries(context.peers.map((p) => [p, 0])),
          lastAckMs: Object.fromEntries(context.peers.map((p) => [p, now])),
          awaitingAppend: {},
        };
      }),
      initial: 'active',
      states: {
        active: {
          // Figure 2: upon election and during idle periods, send AppendEntries (heartbeats) to each server.
          entry: enqueueActions(({ context, event, enqueue }) => perform(enqueue, heartbeat(context, at(event)))),
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
