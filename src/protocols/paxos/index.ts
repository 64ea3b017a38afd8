import type { Protocol } from '../../engine/protocol';
import type { NodeView } from '../../engine/types';
import { paxosBugs } from './bugs';
import { paxosConfigSchema } from './config';
import { paxosFace } from './face';
import { paxosFuzzScenario } from './fuzz';
import { paxosInvariants, paxosMonitor } from './invariants';
import { paxosMachine } from './machine';
import { paxosManifest } from './manifest';
import { paxosPauseChecks } from './pauseChecks';
import type { PaxosConfig, PaxosContext, PaxosPersistent } from './types';
import { describePaxosMessage, paxosMilestones, paxosView } from './view';

/** What survives a crash ("Paxos Made Simple" §2.5); the forgetful acceptor's bug drops its promise. */
function persistent(ctx: PaxosContext, bug: string | null): PaxosPersistent {
  // Bug `acceptor-forgets-promise-on-restart`: the promise lived in memory only, against §2.5.
  const promised = bug === 'acceptor-forgets-promise-on-restart' ? null : ctx.promised;
  return { promised, accepted: ctx.accepted, round: ctx.round, chosen: ctx.chosen };
}

/** Single-decree Paxos: Lamport, "Paxos Made Simple" (2001), §2 (spec/protocols.md `paxos`). */
export const paxos: Protocol<PaxosConfig, PaxosContext> = {
  id: 'paxos',
  title: paxosManifest.title,
  summary: paxosManifest.summary,
  configSchema: paxosConfigSchema,
  machine: paxosMachine,
  clusterProblems: (config, nodes) =>
    config.proposers > nodes.length
      ? [`config.proposers: ${config.proposers} proposers, but the cluster has ${nodes.length} nodes`]
      : [],
  persistent,
  view: (ctx) => paxosView(ctx) as NodeView,
  describeMessage: describePaxosMessage,
  milestones: paxosMilestones,
  // spec: a request without a `node` goes to the first live proposer.
  entryPoint: (world) => world.nodes.find((n) => n.isUp && n.context.proposer !== null)?.id ?? null,
  invariants: paxosInvariants,
  monitor: paxosMonitor as Protocol<PaxosConfig, PaxosContext>['monitor'],
  bugs: paxosBugs,
  face: paxosFace as Protocol<PaxosConfig, PaxosContext>['face'],
  pauseChecks: paxosPauseChecks as Protocol<PaxosConfig, PaxosContext>['pauseChecks'],
  // Paxos assumes asynchrony with crash-recovery: messages lost, duplicated, delayed, processes paused.
  fuzzFaults: ['crash', 'restart', 'partition', 'cut', 'loss', 'delay', 'duplicate', 'stall', 'clock'],
  fuzzScenario: paxosFuzzScenario,
};
