import type { Protocol } from '../../engine/protocol';
import type { NodeView } from '../../engine/types';
import { ringBugs } from './bugs';
import { ringConfigSchema } from './config';
import { ringFace } from './face';
import { electionMessagesFact } from './facts';
import { ringFuzzScenario } from './fuzz';
import { ringInvariants, ringMonitor } from './invariants';
import { ringMachine } from './machine';
import { ringManifest } from './manifest';
import { ringPauseChecks } from './pauseChecks';
import { ringSeries } from './series';
import type { RingConfig, RingContext, RingPersistent } from './types';
import { uidProblems } from './uids';
import { describeRingMessage, ringMilestones, ringView } from './view';

/** Chang & Roberts' ring election, CACM 22(5), 1979 (spec/protocols.md `ring-election`). */
export const ringElection: Protocol<RingConfig, RingContext> = {
  id: 'ring-election',
  title: ringManifest.title,
  summary: ringManifest.summary,
  configSchema: ringConfigSchema,
  machine: ringMachine,
  clusterProblems: (config, nodes) => uidProblems(config.uids, nodes.length),
  // The engine's ring links both neighbours; the rules only ever send to the next one (rules.ts).
  topology: 'ring',
  layout: 'ring',
  // A process keeps its number across a crash; whether it was a participant, and the leader it knew, are lost.
  persistent: (ctx): RingPersistent => ({ uid: ctx.uid }),
  view: (ctx) => ringView(ctx) as NodeView,
  describeMessage: describeRingMessage,
  milestones: ringMilestones,
  // A request without a `node` goes to the first process that is up.
  entryPoint: (world) => world.nodes.find((n) => n.isUp)?.id ?? null,
  invariants: ringInvariants,
  monitor: ringMonitor as Protocol<RingConfig, RingContext>['monitor'],
  bugs: ringBugs,
  face: ringFace as Protocol<RingConfig, RingContext>['face'],
  pauseChecks: ringPauseChecks as Protocol<RingConfig, RingContext>['pauseChecks'],
  series: ringSeries,
  facts: (run) => ({ electionMessages: electionMessagesFact(run) }),
  // The paper assumes no failures; safety must hold under all of these anyway, liveness need not.
  fuzzFaults: ['crash', 'restart', 'partition', 'cut', 'loss', 'delay', 'duplicate', 'stall', 'clock'],
  fuzzScenario: ringFuzzScenario,
};
