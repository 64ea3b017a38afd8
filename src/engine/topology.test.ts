import { describe, expect, it } from 'vitest';
import { assign, enqueueActions, setup } from 'xstate';
import { z } from 'zod';
import { runScenario } from '../scenario/run';
import type { Scenario } from '../scenario/types';
import { act, type Emitted, type Incoming, type Local, localAt, send } from './kit';
import type { AnyProtocol, NodeInput } from './protocol';
import { Simulation } from './simulation';
import { clusterShape } from './topology';
import type { Input } from './types';

/**
 * A test-only protocol of three node kinds on a ring: `a`, `b` and `c` nodes in turn, each kind its own
 * machine. A request `to <node>` makes its node send a Ping there; every node counts the Pings it got.
 * Its end-of-run check says which nodes never got one.
 */
type Context = {
  readonly kind: string;
  readonly links: readonly string[];
  readonly pings: number;
  readonly startedAt: number;
};
type Event = Incoming<{ type: 'Ping' }> | Local<{ type: 'request'; command: string }>;

const machineOf = (kind: string) =>
  setup({
    types: { context: {} as Context, events: {} as Event, input: {} as NodeInput, emitted: {} as Emitted },
  }).createMachine({
    context: ({ input }) => ({ kind: `${kind}-machine`, links: input.links, pings: 0, startedAt: localAt({ input }) }),
    on: {
      Ping: { actions: assign({ pings: ({ context }) => context.pings + 1 }) },
      request: {
        actions: enqueueActions(({ event, enqueue }) => {
          const to = (event as { command: string }).command.replace(/^to /, '');
          act(enqueue, send(to, { type: 'Ping' }));
        }),
      },
    },
  });

const ring: AnyProtocol = {
  id: 'test-ring',
  title: 'Three kinds on a ring',
  summary: 'Test only.',
  configSchema: z.strictObject({}),
  machine: machineOf('a'),
  nodeKinds: [
    ...['a', 'b'].map((id) => ({ id, title: id.toUpperCase(), machine: machineOf(id) })),
    // Kind c keeps its own view and persists nothing across a crash, as clients will.
    {
      id: 'c',
      title: 'C',
      machine: machineOf('c'),
      view: (ctx) => ({ own: (ctx as Context).pings }),
      persistent: () => null,
    },
  ],
  nodeKind: (_id, index) => ['a', 'b', 'c'][index % 3] as string,
  topology: 'ring',
  layout: 'ring',
  persistent: () => undefined,
  view: (ctx: Context) => ({ kind: ctx.kind, pings: ctx.pings }),
  describeMessage: (m) => ({ label: m.type, isReply: false }),
  entryPoint: () => null,
  invariants: [{ id: 'everyone-pinged', title: 'Everyone pinged', rule: 'By the end, every node got a Ping.' }],
  monitor: {
    initial: () => null,
    check: (history) => ({ history, findings: [] }),
    settled: (_history, world) =>
      world.nodes
        .filter((n) => (n.context as Context).pings === 0)
        .map((n) => ({ invariant: 'everyone-pinged', message: `${n.id} (${n.kind}) never got a Ping` })),
  },
  bugs: [],
  face: {
    node: () => ({ role: { word: 'node', color: '#333333' } }),
    milestones: [],
    selectors: [],
    commands: { next: (n) => `to n${n}`, example: 'to n2', label: 'Target' },
  },
};

const NODES = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
const requests = (pairs: [string, string][]): Input[] =>
  pairs.map(([node, to], i) => ({ at: 10 + i, type: 'request', node, command: `to ${to}` }));
const run = (inputs: Input[]) =>
  new Simulation({
    protocol: ring,
    nodes: NODES,
    seed: 1,
    config: {},
    network: { latencyMs: [1, 1], loss: 0, duplicate: 0 },
    bug: null,
    initial: {},
    inputs,
  });

describe('node kinds and topology', () => {
  it("runs each node on its own kind's machine, and tells the machine its kind, links and local time", () => {
    const sim = run([]);
    expect(sim.world().nodes.map((n) => `${n.id}:${n.kind}:${(n.context as Context).kind}`)).toEqual([
      'n1:a:a-machine',
      'n2:b:b-machine',
      'n3:c:c-machine',
      'n4:a:a-machine',
      'n5:b:b-machine',
      'n6:c:c-machine',
    ]);
    expect(sim.node('n1')?.snapshot.context).toMatchObject({ links: ['n2', 'n6'], startedAt: 0 });
  });

  it("uses a kind's own view and persistence where it declares them", () => {
    const sim = run([{ at: 5, type: 'crash', node: 'n3' }]);
    sim.runUntil(10);
    expect(sim.view('n3')).toEqual({ own: 0 });
    expect(sim.node('n3')?.persistent).toBeNull();
    expect(sim.view('n1')).toEqual({ kind: 'a-machine', pings: 0 });
  });

  it('links a ring node to its two neighbours only, and exposes the links and layout as plain data', () => {
    const shape = clusterShape(ring, NODES);
    const of = (id: string) => shape.links.filter((l) => l.from === id).map((l) => l.to);
    expect(of('n1')).toEqual(['n2', 'n6']);
    expect(of('n4').sort()).toEqual(['n3', 'n5']);
    expect(shape.links).toHaveLength(12);
    expect(shape.layout).toBe('ring');
    expect(run([]).shape).toEqual(shape);
  });

  it('delivers a send along a link, and throws on a send over a link that does not exist, naming both nodes', () => {
    const sim = run(requests([['n1', 'n2']]));
    sim.runUntil(50);
    expect(sim.view('n2')).toEqual({ kind: 'b-machine', pings: 1 });
    const bad = run(requests([['n1', 'n3']]));
    expect(() => bad.runUntil(50)).toThrow('n1 sent Ping to n3, but the topology has no link from n1 to n3');
  });

  it('defaults to one server kind in a full mesh drawn in a circle', () => {
    const { machine, nodeKinds: _k, nodeKind: _n, topology: _t, layout: _l, ...rest } = ring;
    const plain = clusterShape({ ...rest, machine }, ['n1', 'n2', 'n3']);
    expect(plain.nodes.map((n) => n.kind)).toEqual(['server', 'server', 'server']);
    expect(plain.links).toHaveLength(6);
    expect(plain.isFullMesh).toBe(true);
    expect(plain.layout).toBe('circle');
  });

  it("reports the monitor's end-of-run findings as violations of the run, once, with no trace record", () => {
    const scenario: Scenario = {
      protocol: 'test-ring',
      title: '',
      description: '',
      seed: 1,
      nodes: NODES,
      config: {},
      network: { latencyMs: [1, 1], loss: 0, duplicate: 0 },
      initial: {},
      bug: null,
      events: requests([
        ['n1', 'n2'],
        ['n2', 'n3'],
        ['n3', 'n4'],
        ['n4', 'n5'],
        ['n6', 'n1'],
      ]),
    };
    const { sim, summary } = runScenario(scenario, () => ring, 100);
    expect(summary.violations).toEqual([
      { invariant: 'everyone-pinged', time: 100, message: 'n6 (c) never got a Ping' },
    ]);
    expect(sim.settle()).toEqual([]);
    expect(sim.trace.some((r) => r.kind === 'violation')).toBe(false);
  });
});
