import type { Protocol } from '../../engine/protocol';
import type { NodeView } from '../../engine/types';
import { bullyBugs } from './bugs';
import { bullyConfigSchema } from './config';
import { bullyFace, coordinatorsOf } from './face';
import { electionMessagesFact, twoCoordinatorsFact } from './facts';
import { bullyFuzzScenario } from './fuzz';
import { bullyInvariants, bullyMonitor } from './invariants';
import { bullyMachine } from './machine';
import { bullyManifest } from './manifest';
import { bullyPauseChecks } from './pauseChecks';
import type { BullyConfig, BullyContext, BullyPersistent } from './types';
import { bullyMilestones, bullyView, describeBullyMessage } from './view';

/** Nothing of an election survives a crash (§II); the marker tells the restart it is a recovery. */
const persistent = (): BullyPersistent => ({ recovered: true });

/** The bully election: Garcia-Molina, IEEE Trans. Computers C-31(1), 1982, §III (spec/protocols.md `bully`). */
export const bully: Protocol<BullyConfig, BullyContext> = {
  id: 'bully',
  title: bullyManifest.title,
  summary: bullyManifest.summary,
  configSchema: bullyConfigSchema,
  machine: bullyMachine,
  persistent,
  view: (ctx) => bullyView(ctx) as NodeView,
  describeMessage: describeBullyMessage,
  milestones: bullyMilestones,
  // spec: `request elect` goes to `node`; without one, to the lowest node up (the textbooks' worst case).
  entryPoint: (world) => world.nodes.find((n) => n.isUp)?.id ?? null,
  invariants: bullyInvariants,
  monitor: bullyMonitor as Protocol<BullyConfig, BullyContext>['monitor'],
  bugs: bullyBugs,
  face: bullyFace as Protocol<BullyConfig, BullyContext>['face'],
  pauseChecks: bullyPauseChecks as Protocol<BullyConfig, BullyContext>['pauseChecks'],
  series: [
    {
      name: 'coordinators',
      title: 'Nodes in role coordinator',
      unit: 'nodes',
      per: 'run',
      sample: (world) => coordinatorsOf(world).length,
    },
  ],
  facts: (run) => {
    const nodes = new Set(run.trace.flatMap((r) => (r.kind === 'state' ? [r.node] : [])));
    return { twoCoordinatorsMs: twoCoordinatorsFact(run), electionMessages: electionMessagesFact(run, nodes.size) };
  },
  // The paper's failures are crashes and recoveries; its synchronous model breaks under partitions, slow links
  // and pauses, which the eventual invariant forgives once the run settles (fuzz.ts restores the bound T).
  fuzzFaults: ['crash', 'restart', 'partition', 'cut', 'loss', 'delay', 'duplicate', 'stall', 'clock'],
  fuzzScenario: bullyFuzzScenario,
};
