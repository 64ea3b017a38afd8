import type { Protocol } from '../../engine/protocol';
import { floodBugs } from './bugs';
import { floodConfigSchema } from './config';
import { floodFace } from './face';
import { floodMachine } from './machine';
import { floodManifest } from './manifest';
import { floodModes } from './modes';
import { floodInvariants, floodMonitor } from './monitor';
import { floodPauseChecks } from './pauseChecks';
import type { FloodConfig, FloodContext, FloodPersistent } from './types';
import { describeFloodMessage, floodView } from './view';

/**
 * The guide's example protocol (docs/protocols/authoring.md): flooding broadcast on a ring. Small on
 * purpose; it is run by the tests and not shown in the Library.
 */
export const flood: Protocol<FloodConfig, FloodContext> = {
  id: 'flood',
  // Said once, in the light descriptor the Library reads.
  title: floodManifest.title,
  summary: floodManifest.summary,
  configSchema: floodConfigSchema,
  machine: floodMachine,
  topology: 'ring',
  layout: 'ring',
  persistent: (ctx): FloodPersistent => ({ delivered: ctx.delivered }),
  view: floodView,
  describeMessage: describeFloodMessage,
  // A request without a `node` starts its broadcast at the first node that is up.
  entryPoint: (world) => world.nodes.find((n) => n.isUp)?.id ?? null,
  invariants: floodInvariants,
  monitor: floodMonitor as Protocol<FloodConfig, FloodContext>['monitor'],
  bugs: floodBugs,
  face: floodFace as Protocol<FloodConfig, FloodContext>['face'],
  pauseChecks: floodPauseChecks as Protocol<FloodConfig, FloodContext>['pauseChecks'],
  // spec/protocols.md §1.6: the generic Byzantine modes flooding can show; `silent` is the engine's.
  byzantineModes: floodModes,
  // A ring minus one node is still a path: one node that relays nothing true leaves every honest node reached.
  faultTolerance: (n) => (n >= 3 ? 1 : 0),
  // §1.7: a standby node neither delivers nor relays; a change is handed to the node itself (as SWIM does).
  membership: true,
  membershipEntry: (_world, _kind, node) => node,
  // §1.8: what the fuzzer may draw; a ring has no leader to aim at and no clients.
  fuzzFaults: ['crash', 'restart', 'partition', 'cut', 'loss', 'delay', 'duplicate', 'byzantine', 'membership'],
};
