import { enqueueActions, setup } from 'xstate';
import { z } from 'zod';
import type { Face } from '../engine/face';
import { type Action, adjustClock, type Emitted, perform, send, startTimer } from '../engine/kit';
import type { NodeInput, Protocol } from '../engine/protocol';
import type { NodeId } from '../engine/types';

/**
 * A test protocol for the engine's time faults (stall, clocks): every node runs one fixed timer `tick` of
 * `tickMs` and notes the `at` and `localAt` of everything it is handed, so a test can read exactly when the
 * engine handed it what. A request `ping` sends Ping to every peer; `step N` and `slew N` adjust its clock.
 */
interface TickConfig {
  readonly tickMs: number;
}

interface Seen {
  readonly type: string;
  readonly at: number;
  readonly localAt: number;
}

interface TickContext {
  readonly id: NodeId;
  readonly peers: readonly NodeId[];
  readonly tickMs: number;
  readonly start: Seen;
  readonly seen: readonly Seen[];
}

type TickEvent = { type: string; at: number; localAt: number; command?: string };

const tick = (ctx: { tickMs: number }): Action => startTimer('tick', ctx.tickMs, { type: 'tick' });

function reactTo(ctx: TickContext, event: TickEvent): Action[] {
  if (event.type === 'tick') return [tick(ctx)];
  if (event.type !== 'request') return [];
  const [word, value] = (event.command ?? '').split(' ');
  if (word === 'ping') return ctx.peers.map((p) => send(p, { type: 'Ping' }));
  if (word === 'step') return [adjustClock({ stepMs: Number(value) })];
  if (word === 'slew') return [adjustClock({ slewPpm: Number(value) })];
  return [];
}

const machine = setup({
  types: {
    context: {} as TickContext,
    events: {} as TickEvent,
    input: {} as NodeInput<TickConfig, undefined>,
    emitted: {} as Emitted,
  },
  actions: {
    begin: enqueueActions(({ context, enqueue }) => perform(enqueue, { changes: null, actions: [tick(context)] })),
    step: enqueueActions(({ context, event, enqueue }) =>
      perform(enqueue, {
        changes: { seen: [...context.seen, { type: event.type, at: event.at, localAt: event.localAt }] },
        actions: reactTo(context, event),
      }),
    ),
  },
}).createMachine({
  id: 'tick',
  context: ({ input }) => ({
    id: input.id,
    peers: input.peers,
    tickMs: input.config.tickMs,
    start: { type: 'start', at: input.at, localAt: input.localAt },
    seen: [],
  }),
  initial: 'up',
  states: { up: { entry: 'begin', on: { '*': { actions: 'step' } } } },
});

const face: Face<Record<string, unknown>, TickContext> = {
  node: () => ({ role: { word: 'node', color: '#0072b2', shape: 'circle' }, badge: { label: 'seen', value: 0 } }),
  milestones: [],
  selectors: [],
  commands: { next: () => 'ping', example: 'ping', label: 'Command' },
};

export const tickProtocol: Protocol<TickConfig, TickContext> = {
  id: 'tick',
  title: 'Tick (test)',
  summary: 'a fixed timer per node, for the engine tests',
  configSchema: z.strictObject({ tickMs: z.number().positive().default(1000) }) as unknown as Protocol<
    TickConfig,
    TickContext
  >['configSchema'],
  machine,
  persistent: () => undefined,
  view: (ctx) => ({ seen: ctx.seen.length }),
  describeMessage: (m) => ({ label: m.type, isReply: false }),
  entryPoint: (world) => world.nodes[0]?.id ?? null,
  invariants: [],
  monitor: { initial: () => null, check: (history) => ({ history, findings: [] }) },
  bugs: [],
  face: face as unknown as Protocol<TickConfig, TickContext>['face'],
  setsClock: true,
};

/** The tick protocol's context of one node (for assertions). */
export const tickContext = (context: unknown): TickContext => context as TickContext;
