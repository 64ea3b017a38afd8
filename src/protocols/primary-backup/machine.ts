import { enqueueActions, setup } from 'xstate';
import { type Emitted, perform } from '../../engine/kit';
import type { NodeInput } from '../../engine/protocol';
import { awaitPrimary } from './backup';
import type { PbBug } from './bugs';
import { clientStep } from './client';
import { beatSoon } from './primary';
import { serverStep } from './rules';
import type { ClientContext, ClientEvent, PbConfig, PbPersistent, ServerContext, ServerEvent } from './types';

type ServerInput = NodeInput<PbConfig, Partial<PbPersistent>>;

/** A server's context at a (re)start: what its disk kept, or n1 primary of epoch 1 and the rest its backups. */
function serverContext(input: ServerInput): ServerContext {
  const first = input.nodes[0] ?? input.id;
  const kept = input.persistent;
  const role = kept?.role ?? (input.id === first ? 'primary' : 'backup');
  return {
    kind: 'server',
    id: input.id,
    servers: input.nodes,
    clients: input.clients ?? [],
    config: input.config,
    bug: input.bug as PbBug | null,
    role,
    epoch: kept?.epoch ?? 1,
    primaryId: kept === undefined ? first : (kept.primaryId ?? null),
    log: kept?.log ?? [],
    ackedIndex: kept?.ackedIndex ?? 0,
    // An empty log is a copy of n1's empty log.
    syncedWith: kept === undefined ? { epoch: 1, primary: first } : (kept.syncedWith ?? null),
    casFailed: kept?.casFailed ?? [],
    // What lived in memory starts afresh: a restarted primary knows nothing of its backups' logs.
    semiSyncOn: input.config.mode === 'semi-sync',
    matchIndex: {},
    waiting: [],
    asking: null,
  };
}

/**
 * A server: one state; every rule in rules.ts. A primary (n1 at the start, or whoever restarts believing it
 * still is, as a restarted MySQL source does) starts sending heartbeats; a backup starts waiting for them.
 */
export const serverMachine = setup({
  types: { context: {} as ServerContext, events: {} as ServerEvent, input: {} as ServerInput, emitted: {} as Emitted },
  actions: {
    // Nothing is sent at a start (the other nodes may not exist yet): the first heartbeat is one period away.
    start: enqueueActions(({ context, enqueue }) =>
      perform(enqueue, {
        changes: null,
        actions: [context.role === 'primary' ? beatSoon(context) : awaitPrimary(context)],
      }),
    ),
    step: enqueueActions(({ context, event, enqueue }) => perform(enqueue, serverStep(context, event))),
  },
}).createMachine({
  id: 'primary-backup-server',
  context: ({ input }) => serverContext(input),
  initial: 'up',
  states: { up: { entry: 'start', on: { '*': { actions: 'step' } } } },
});

export const clientMachine = setup({
  types: {
    context: {} as ClientContext,
    events: {} as ClientEvent,
    input: {} as NodeInput<PbConfig>,
    emitted: {} as Emitted,
  },
  actions: {
    step: enqueueActions(({ context, event, enqueue }) => perform(enqueue, clientStep(context, event))),
  },
}).createMachine({
  id: 'primary-backup-client',
  context: ({ input }) => ({
    kind: 'client',
    id: input.id,
    servers: input.nodes,
    primary: input.nodes[0] ?? input.id,
    epoch: 1,
    config: input.config,
    pending: [],
  }),
  initial: 'up',
  states: { up: { on: { '*': { actions: 'step' } } } },
});
