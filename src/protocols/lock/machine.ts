import { enqueueActions, setup } from 'xstate';
import { type Emitted, type Plan, perform } from '../../engine/kit';
import type { NodeInput } from '../../engine/protocol';
import { clientStep, idle } from './client';
import { masterStep } from './master';
import { lockServers } from './roles';
import { serviceStep } from './service';
import { storageStep } from './storage';
import type {
  ClientContext,
  LockBug,
  LockConfig,
  LockEvent,
  MasterContext,
  ServiceContext,
  StorageContext,
} from './types';

type Input = NodeInput<LockConfig, Record<string, unknown>>;

const common = (input: Input) => ({ id: input.id, config: input.config, bug: input.bug as LockBug | null });

/**
 * One machine per node kind, each a single state that hands every event to its kind's pure rules
 * (service.ts, master.ts, storage.ts, client.ts) and performs the plan they return.
 */
function kindMachine<C extends object>(
  id: string,
  initial: (input: Input) => C,
  step: (ctx: C, e: LockEvent) => Plan<C>,
) {
  return setup({
    types: { context: {} as C, events: {} as LockEvent, input: {} as Input, emitted: {} as Emitted },
    actions: {
      step: enqueueActions(({ context, event, enqueue }) => perform(enqueue, step(context, event as LockEvent))),
    },
  }).createMachine({
    id,
    context: ({ input }) => initial(input),
    initial: 'running',
    states: { running: { on: { '*': { actions: 'step' } } } },
  });
}

export const serviceMachine = kindMachine<ServiceContext>(
  'lock-service',
  (input) => ({
    ...common(input),
    role: 'service',
    // The token survives a crash (a token is never granted twice), and so does the lease it granted.
    token: num(input.persistent?.token, 0),
    holder: typeof input.persistent?.holder === 'string' ? input.persistent.holder : null,
    expiresAt: num(input.persistent?.expiresAt, 0),
  }),
  serviceStep,
);

export const redisMachine = kindMachine<MasterContext>(
  'redis-master',
  (input) => ({
    ...common(input),
    role: 'master',
    // Kept across a crash, as with Redis's `appendfsync always` (redis.io: without it a restart forgets locks).
    key: (input.persistent?.key as MasterContext['key'] | undefined) ?? null,
  }),
  masterStep,
);

export const storageMachine = kindMachine<StorageContext>(
  'lock-storage',
  (input) => ({
    ...common(input),
    role: 'storage',
    value: (input.persistent?.value as string | null | undefined) ?? null,
    maxToken: num(input.persistent?.maxToken, 0),
    writes: (input.persistent?.writes as StorageContext['writes'] | undefined) ?? [],
    rejected: (input.persistent?.rejected as StorageContext['rejected'] | undefined) ?? [],
  }),
  storageStep,
);

export const clientMachine = kindMachine<ClientContext>(
  'lock-client',
  (input) => {
    const { servers, storage } = lockServers(input.nodes);
    return { ...common(input), role: 'client', servers, storage, startedAt: 0, ...idle } as ClientContext;
  },
  clientStep,
);

const num = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);
