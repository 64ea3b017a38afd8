import type { Protocol } from '../../engine/protocol';
import { raftBugs } from './bugs';
import { raftConfigSchema, raftInitialSchema, raftRefs } from './config';
import { liveLeader, raftFace } from './face';
import { raftInvariants, raftMonitor } from './invariants';
import { raftMachine } from './machine';
import { raftManifest } from './manifest';
import { raftPauseChecks } from './pauseChecks';
import { raftSeries } from './series';
import type { RaftConfig, RaftContext, RaftPersistent } from './types';
import { describeRaftMessage, raftMilestones, raftView } from './view';

export const raft: Protocol<RaftConfig, RaftContext> = {
  id: 'raft',
  // Said once, in the light descriptor the Library reads.
  title: raftManifest.title,
  summary: raftManifest.summary,
  configSchema: raftConfigSchema,
  initialSchema: raftInitialSchema,
  refs: raftRefs,
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
  pauseChecks: raftPauseChecks,
  series: raftSeries,
};
