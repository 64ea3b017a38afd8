import { describe, expect, it } from 'vitest';
import { enqueueActions, setup } from 'xstate';
import { z } from 'zod';
import { type Emitted, perform, send } from './kit';
import type { NodeInput, Protocol } from './protocol';
import { Simulation } from './simulation';

/**
 * spec/protocols.md §1.6: no node can send as another; the engine stamps `from` (the signatures of Castro &
 * Liskov 1999, §2). A forger writes `from: "n1"` into its message: the receiver still sees the real sender.
 */
interface Ctx {
  readonly peers: readonly string[];
  readonly heardFrom: readonly string[];
}

type Event = { type: 'request' } | { type: 'Hi'; from: string };

const forger = setup({
  types: { context: {} as Ctx, events: {} as Event, input: {} as NodeInput, emitted: {} as Emitted },
  actions: {
    forge: enqueueActions(({ context, enqueue }) =>
      perform(enqueue, { changes: null, actions: context.peers.map((to) => send(to, { type: 'Hi', from: 'n1' })) }),
    ),
    hear: enqueueActions(({ context, event, enqueue }) =>
      perform(enqueue, {
        changes: { heardFrom: [...context.heardFrom, (event as { from: string }).from] },
        actions: [],
      }),
    ),
  },
}).createMachine({
  context: ({ input }) => ({ peers: input.peers, heardFrom: [] }),
  on: { request: { actions: 'forge' }, Hi: { actions: 'hear' } },
});

const forgery: Protocol<Record<string, never>, Ctx> = {
  id: 'forgery',
  title: 'forgery',
  summary: 'A test machine that writes a false sender into its messages.',
  configSchema: z.strictObject({}),
  machine: forger,
  persistent: () => undefined,
  view: (ctx) => ({ heardFrom: ctx.heardFrom }),
  describeMessage: () => ({ label: 'Hi', isReply: false }),
  entryPoint: () => null,
  invariants: [],
  monitor: { initial: () => null, check: (history) => ({ history, findings: [] }) },
  bugs: [],
  face: {
    node: () => ({ role: { word: 'node', color: '#000000', shape: 'circle' } }),
    milestones: [],
    selectors: [],
    commands: { next: (n) => `c${n}`, example: 'c1', label: 'Command' },
  },
};

describe('the engine stamps from', () => {
  it('a machine that writes another sender into its message is still heard as itself', () => {
    const sim = new Simulation({
      protocol: forgery,
      nodes: ['n1', 'n2', 'n3'],
      seed: 1,
      config: {},
      network: { latencyMs: [10, 10], loss: 0, duplicate: 0 },
      bug: null,
      initial: {},
      inputs: [{ at: 5, type: 'request', node: 'n3', command: 'c1' }],
    });
    sim.runUntil(100);
    expect(sim.view('n1')).toEqual({ heardFrom: ['n3'] });
    expect(sim.view('n2')).toEqual({ heardFrom: ['n3'] });
    expect(sim.trace.filter((r) => r.kind === 'deliver').map((r) => r.kind === 'deliver' && r.from)).toEqual([
      'n3',
      'n3',
    ]);
  });
});
