import { z } from 'zod';
import type { Protocol } from '../../engine/protocol';
import type { NodeView } from '../../engine/types';
import { lockBugs } from './bugs';
import { lockConfigSchema } from './config';
import { lockFace } from './face';
import { overlapFact } from './facts';
import { lockFuzzScenario } from './fuzz';
import { lockInvariants, lockMonitor } from './invariants';
import { clientMachine, redisMachine, serviceMachine, storageMachine } from './machine';
import { lockManifest } from './manifest';
import { lockOps } from './ops';
import { lockPauseChecks } from './pauseChecks';
import { clusterProblems, serverRole } from './roles';
import type { LockConfig, LockContext } from './types';
import { describeLockMessage, lockMilestones, lockView } from './view';

/** The kind id of each server role (the engine's node kinds; clients are the engine's `client` kind). */
const KIND = { service: 'service', master: 'redis', storage: 'storage' } as const;

/** What survives a crash: the service's token and lease, a master's key (fsync always), the storage's data. */
function persistent(ctx: LockContext): unknown {
  switch (ctx.role) {
    case 'service':
      return { token: ctx.token, holder: ctx.holder, expiresAt: ctx.expiresAt };
    case 'master':
      return { key: ctx.key };
    case 'storage':
      return { value: ctx.value, maxToken: ctx.maxToken, writes: ctx.writes, rejected: ctx.rejected };
    case 'client':
      return undefined;
    default:
      return ctx satisfies never;
  }
}

export const lock: Protocol<LockConfig, LockContext> = {
  id: 'lock',
  title: lockManifest.title,
  summary: lockManifest.summary,
  configSchema: lockConfigSchema,
  // A lecture starts the service's tokens where Kleppmann's figure does (33 is the next grant after 32).
  initialSchema: z.strictObject({ token: z.number().int().min(0).max(1_000_000_000) }),
  machine: serviceMachine,
  nodeKinds: [
    { id: KIND.service, title: 'Lock service', machine: serviceMachine },
    { id: KIND.master, title: 'Redis master', machine: redisMachine },
    { id: KIND.storage, title: 'Storage', machine: storageMachine },
  ],
  nodeKind: (_node, index, nodes, config) => KIND[serverRole(config, index, nodes.length)],
  clusterProblems,
  topology: 'client-to-entry',
  layout: 'clients-servers',
  persistent: (ctx) => persistent(ctx),
  view: (ctx) => lockView(ctx) as NodeView,
  describeMessage: describeLockMessage,
  milestones: lockMilestones,
  // Plain requests (without a client) have nowhere to go: the lock is taken by client operations.
  entryPoint: () => null,
  invariants: lockInvariants,
  monitor: lockMonitor as Protocol<LockConfig, LockContext>['monitor'],
  bugs: lockBugs,
  face: lockFace,
  pauseChecks: lockPauseChecks,
  clientMachine,
  clientConcurrency: 1,
  ops: lockOps,
  facts: (run) => ({ overlap: overlapFact(run) }),
  fuzzFaults: ['crash', 'restart', 'partition', 'cut', 'loss', 'delay', 'duplicate', 'stall', 'clock', 'workload'],
  fuzzScenario: lockFuzzScenario,
};
