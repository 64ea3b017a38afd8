import type { SequentialModel } from '../../engine/clients';
import type { Protocol } from '../../engine/protocol';
import type { NodeView } from '../../engine/types';
import { registerModel } from '../../history/register';
import { quorumBugs } from './bugs';
import { clientMachine } from './client';
import { quorumConfigSchema } from './config';
import { quorumFace } from './face';
import { quorumFacts } from './facts';
import { quorumFuzzScenario } from './fuzz';
import { quorumInvariants, quorumMonitor } from './invariants';
import { quorumManifest } from './manifest';
import { quorumOps } from './ops';
import { quorumPauseChecks } from './pauseChecks';
import { serverMachine } from './server';
import type { QuorumConfig, QuorumContext, QuorumPersistent } from './types';
import { describeQuorumMessage, quorumView } from './view';

/** Dynamo-style leaderless replication: DeCandia et al., SOSP 2007 (spec/protocols.md `quorum`). */
export const quorum: Protocol<QuorumConfig, QuorumContext> = {
  id: 'quorum',
  title: quorumManifest.title,
  summary: quorumManifest.summary,
  configSchema: quorumConfigSchema as unknown as Protocol<QuorumConfig, QuorumContext>['configSchema'],
  machine: serverMachine,
  clientMachine,
  ops: quorumOps,
  // spec: model `register` (a read of one value under lww); consistency `eventual`: the register check's
  // verdict is reported, never a violation (a vv read of siblings is no register value at all).
  model: registerModel as SequentialModel,
  consistency: 'eventual',
  clusterProblems: (config, nodes) =>
    config.n > nodes.length ? [`config.n: ${config.n} replicas, but the cluster has ${nodes.length} servers`] : [],
  topology: 'client-to-entry',
  layout: 'ring',
  // §4.1: writes are durable; a node keeps its replicas and the hinted versions it holds across a crash.
  persistent: (ctx): QuorumPersistent | undefined =>
    ctx.kind === 'server' ? { store: ctx.store, hinted: ctx.hinted } : undefined,
  view: (ctx) => quorumView(ctx) as NodeView,
  describeMessage: describeQuorumMessage,
  // Requests without a client have no history: clients send reads and writes.
  entryPoint: () => null,
  invariants: quorumInvariants,
  monitor: quorumMonitor as Protocol<QuorumConfig, QuorumContext>['monitor'],
  bugs: quorumBugs,
  face: quorumFace as Protocol<QuorumConfig, QuorumContext>['face'],
  pauseChecks: quorumPauseChecks as Protocol<QuorumConfig, QuorumContext>['pauseChecks'],
  facts: quorumFacts,
  settleMs: 5000,
  fuzzFaults: ['crash', 'restart', 'partition', 'cut', 'loss', 'delay', 'duplicate', 'stall', 'clock', 'workload'],
  fuzzScenario: quorumFuzzScenario,
};
