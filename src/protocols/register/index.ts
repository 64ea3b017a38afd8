import type { SequentialModel } from '../../engine/clients';
import type { Protocol } from '../../engine/protocol';
import { registerModel } from '../../history/register';
import { registerOps } from '../shared/registerOps';
import { registerBugs } from './bugs';
import { clientMachine } from './client';
import { registerConfigSchema } from './config';
import { registerFace } from './face';
import { registerManifest } from './manifest';
import { registerInvariants, registerMonitor } from './monitor';
import { serverMachine } from './server';
import type { RegisterConfig, RegisterContext, RegisterPersistent } from './types';
import { describeRegisterMessage, registerView } from './view';

/**
 * A single-primary register service (spec/protocols.md §1.5): the test protocol of clients, operations and
 * histories. Servers run `serverMachine`, clients `clientMachine`; clients link to every server, and the
 * canvas draws them in a column of their own. Not in the Library; its histories are checked as linearizable.
 */
export const register: Protocol<RegisterConfig, RegisterContext> = {
  id: 'register',
  title: registerManifest.title,
  summary: registerManifest.summary,
  configSchema: registerConfigSchema,
  machine: serverMachine,
  clientMachine,
  ops: registerOps,
  // §1.5: one primary serves one operation at a time and stores a write before answering: linearizable
  // (the `stale-backup-reads` bug is not: its backups serve reads from a lagging copy).
  model: registerModel as SequentialModel,
  consistency: 'linearizable',
  topology: 'client-to-entry',
  layout: 'clients-servers',
  persistent: (ctx): RegisterPersistent | undefined =>
    ctx.kind === 'server' ? { values: ctx.values, ...(ctx.answered ? { answered: ctx.answered } : {}) } : undefined,
  view: registerView,
  describeMessage: describeRegisterMessage,
  // Requests without a client have no history and nothing to do here: they are rejected.
  entryPoint: () => null,
  invariants: registerInvariants,
  monitor: registerMonitor as Protocol<RegisterConfig, RegisterContext>['monitor'],
  bugs: registerBugs,
  face: registerFace as Protocol<RegisterConfig, RegisterContext>['face'],
};
