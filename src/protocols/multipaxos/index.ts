import type { Protocol } from '../../engine/protocol';
import { multiPaxosBugs } from './bugs';
import { multiPaxosConfigSchema } from './config';
import { liveLeader, multiPaxosFace } from './face';
import { multiPaxosFuzzScenario } from './fuzz';
import { multiPaxosInvariants, multiPaxosMonitor } from './invariants';
import { multiPaxosMachine } from './machine';
import { multiPaxosManifest } from './manifest';
import { multiPaxosPauseChecks } from './pauseChecks';
import type { MultiPaxosConfig, MultiPaxosContext, MultiPaxosPersistent } from './types';
import { describeMultiPaxosMessage, multiPaxosMilestones, multiPaxosView } from './view';

/** What survives a crash: the acceptor's state and the leader's round ("Paxos Made Simple" §2.5), the decided log (Paxos Made Live §4). */
function persistent(ctx: MultiPaxosContext): MultiPaxosPersistent {
  return { promised: ctx.promised, accepted: ctx.accepted, round: ctx.round, decisions: ctx.decisions };
}

/** Multi-Paxos: Paxos Made Simple §3, Paxos Made Moderately Complex, Paxos Made Live (spec/protocols.md `multipaxos`). */
export const multipaxos: Protocol<MultiPaxosConfig, MultiPaxosContext> = {
  id: 'multipaxos',
  title: multiPaxosManifest.title,
  summary: multiPaxosManifest.summary,
  configSchema: multiPaxosConfigSchema,
  machine: multiPaxosMachine,
  persistent,
  view: (ctx) => multiPaxosView(ctx),
  describeMessage: describeMultiPaxosMessage,
  milestones: multiPaxosMilestones,
  // A request without a `node` goes to the live leader (spec: "the leader assigns the next free slot").
  entryPoint: liveLeader,
  invariants: multiPaxosInvariants,
  monitor: multiPaxosMonitor as Protocol<MultiPaxosConfig, MultiPaxosContext>['monitor'],
  bugs: multiPaxosBugs,
  face: multiPaxosFace as Protocol<MultiPaxosConfig, MultiPaxosContext>['face'],
  pauseChecks: multiPaxosPauseChecks as Protocol<MultiPaxosConfig, MultiPaxosContext>['pauseChecks'],
  // Paxos assumes asynchrony with crash-recovery: messages lost, duplicated, delayed, processes paused.
  fuzzFaults: ['crash', 'restart', 'partition', 'cut', 'loss', 'delay', 'duplicate', 'stall', 'clock'],
  fuzzScenario: multiPaxosFuzzScenario,
};
