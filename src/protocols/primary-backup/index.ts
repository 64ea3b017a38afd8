import type { SequentialModel } from '../../engine/clients';
import type { Protocol } from '../../engine/protocol';
import type { NodeView } from '../../engine/types';
import { registerModel } from '../../history/register';
import { registerOps } from '../shared/registerOps';
import { pbBugs } from './bugs';
import { pbConfigSchema } from './config';
import { pbFace } from './face';
import { pbFuzzScenario } from './fuzz';
import { pbInvariants, pbMonitor } from './invariants';
import { ackedWritesLost, lostWords, lostWrites } from './lost';
import { clientMachine, serverMachine } from './machine';
import { pbManifest } from './manifest';
import { pbPauseChecks } from './pauseChecks';
import type { PbConfig, PbContext, PbPersistent } from './types';
import { describePbMessage, pbMilestones, pbView } from './view';

/** What a server's disk keeps: its log, its epoch and role, what it acknowledged, the cas it refused. */
function persistent(ctx: PbContext): PbPersistent | undefined {
  if (ctx.kind === 'client') return undefined;
  const { role, epoch, primaryId, log, ackedIndex, syncedWith, casFailed } = ctx;
  return { role, epoch, primaryId, log, ackedIndex, syncedWith, casFailed };
}

/**
 * Primary-backup replication with failover (Alsberg & Day, ICSE 1976; Kleppmann, DDIA ch. 5; MySQL
 * semisynchronous replication): spec/protocols.md `primary-backup`. Servers run `serverMachine`, clients
 * `clientMachine`; the register model is declared so the History panel can check histories, but no guarantee:
 * asynchronous failover loses acknowledged writes, and split brain lets two primaries serve.
 */
export const primaryBackup: Protocol<PbConfig, PbContext> = {
  id: 'primary-backup',
  title: pbManifest.title,
  summary: pbManifest.summary,
  configSchema: pbConfigSchema,
  machine: serverMachine,
  clientMachine,
  clientConcurrency: 1,
  ops: registerOps,
  model: registerModel as SequentialModel,
  topology: 'client-to-entry',
  layout: 'clients-servers',
  persistent,
  view: (ctx) => pbView(ctx) as NodeView,
  describeMessage: describePbMessage,
  milestones: pbMilestones,
  // Plain requests (without a client) have no history: writes come from client operations.
  entryPoint: () => null,
  invariants: pbInvariants,
  monitor: pbMonitor as Protocol<PbConfig, PbContext>['monitor'],
  bugs: pbBugs,
  face: pbFace as Protocol<PbConfig, PbContext>['face'],
  pauseChecks: pbPauseChecks as Protocol<PbConfig, PbContext>['pauseChecks'],
  facts: (run) => ({ ackedWritesLost: ackedWritesLost(run.trace) }),
  historyMarks: (run) => {
    const lost = lostWrites(run.trace);
    if (lost.length === 0) return [];
    return [
      {
        title: 'Acknowledged writes lost',
        ops: lost.map((w) => w.op),
        notes: lost.map(lostWords),
      },
    ];
  },
  // The failure model of a replicated database: crashes and restarts, partitions (split brain), loss, delay,
  // duplication, process pauses, and client workloads.
  fuzzFaults: ['crash', 'restart', 'partition', 'cut', 'loss', 'delay', 'duplicate', 'stall', 'workload'],
  fuzzScenario: pbFuzzScenario,
};
