import type { Protocol } from '../../engine/protocol';
import { raftBugs } from './bugs';
import { raftConfigSchema, raftInitialSchema } from './config';
import { liveLeader, raftFace } from './face';
import { raftInvariants, raftMonitor } from './invariants';
import { raftMachine } from './machine';
import type { RaftConfig, RaftContext, RaftPersistent } from './types';
import { describeRaftMessage, raftMilestones, raftView } from './view';

export const raft: Protocol<RaftConfig, RaftContext> = {
  id: 'raft',
  title: 'Raft',
  summary:
    'Consensus with an elected leader (Ongaro and Ousterhout, 2014). Servers elect a leader with randomized timeouts; ' +
    'the leader replicates its log and commits an entry once a majority stores it. Options: PreVote and CheckQuorum.',
  configSchema: raftConfigSchema,
  initialSchema: raftInitialSchema,
  machine: raftMachine,
  persistent(ctx, bug): RaftPersistent {
    // Bug `forget-vote-on-restart`: votedFor is not written to stable storage.
    return { term: ctx.term, votedFor: bug === 'forget-vote-on-restart' ? null : ctx.votedFor, log: ctx.log };
  },
  view: (ctx) => raftView(ctx),
  describeMessage: describeRaftMessage,
  milestones: raftMilestones,
  entryPoint: liveLeader,
  invariants: raftInvariants,
  fuzzConfig: (rng) => ({
    preVote: rng.chance(0.5),
    checkQuorum: rng.chance(0.5),
    maxEntriesPerAppend: rng.pick([1, 2, 16]),
  }),
  monitor: raftMonitor as Protocol<RaftConfig, RaftContext>['monitor'],
  bugs: raftBugs,
  face: raftFace,
};
