import type { AnyProtocol, FuzzFault } from '../engine/protocol';
import { Rng } from '../engine/rng';
import { FILE_SELECTORS } from '../engine/selectors';
import type { Input, NodeId } from '../engine/types';
import { FORMAT, VERSION } from '../scenario/schema';
import { DEFAULT_FUZZ_CLIENTS, randomWorkload } from './fuzzWorkload';
import { withSettledTail } from './tail';

export interface ScheduleOptions {
  readonly protocol: AnyProtocol;
  readonly seed: number;
  readonly nodes: number;
  readonly untilMs: number;
  readonly bug: string | null;
  /** §1.9: clients of a protocol with a client machine, with a random workload [DEFAULT_FUZZ_CLIENTS]. */
  readonly clients?: number;
}

interface Ctx {
  readonly rng: Rng;
  readonly ids: readonly NodeId[];
  readonly crashed: Set<NodeId>;
  /** §1.6: the nodes turned Byzantine so far. */
  readonly turned: Set<NodeId>;
  /** §1.7: the servers outside the cluster now. */
  readonly outside: Set<NodeId>;
  readonly protocol: AnyProtocol;
  readonly at: number;
  /** The protocol's next client command (its face's command generator). */
  nextCommand(): string;
  /**
   * A node selector a scenario file can name (`"leader"`) that the protocol declares, for faults aimed at
   * the node it names when the fault applies; null when the protocol declares none. Draws only when it
   * has a choice, so a protocol with one selector keeps the stream as it was.
   */
  aim(): string | null;
}

/** One kind of fault or input: a name, and the events it adds at time `at`. */
type Action = (c: Ctx) => Input[];

const ACTIONS: readonly Action[] = [
  (c) => [{ at: c.at, type: 'request', command: c.nextCommand() }],
  (c) => {
    const node = c.rng.pick(c.ids);
    c.crashed.add(node);
    return [{ at: c.at, type: 'crash', node }];
  },
  (c) => {
    const node = c.aim();
    return node === null ? [] : [{ at: c.at, type: 'crash', node }];
  },
  (c) => {
    if (c.crashed.size === 0) return [];
    const node = c.rng.pick([...c.crashed].sort());
    c.crashed.delete(node);
    return [{ at: c.at, type: 'restart', node }];
  },
  // A quick bounce: a crash and a restart soon after, often in the middle of an election.
  (c) => {
    const node = c.rng.pick(c.ids);
    return [
      { at: c.at, type: 'crash', node },
      { at: c.at + c.rng.int(1, 60), type: 'restart', node },
    ];
  },
  (c) => [{ at: c.at, type: 'partition', groups: randomGroups(c.rng, c.ids) }],
  // Cut the selected node off, alone or with one other, and hand it a request: for Raft's leader the entry
  // lands on a minority, the situation behind the Raft paper's Figure 8.
  (c) => {
    const node = c.aim();
    if (node === null) return [];
    return [
      { at: c.at, type: 'partition', groups: [c.rng.chance(0.5) ? [node] : [node, c.rng.pick(c.ids)]] },
      { at: c.at + c.rng.int(0, 20), type: 'request', command: c.nextCommand() },
    ];
  },
  (c) => [{ at: c.at, type: 'heal' }],
  (c) => {
    const [from, to] = twoOf(c.rng, c.ids);
    return [{ at: c.at, type: 'cut', from, to, ...(c.rng.chance(0.5) ? { oneWay: true } : {}) }];
  },
  (c) => {
    const lo = c.rng.int(1, 40);
    return [{ at: c.at, type: 'network', latencyMs: [lo, lo + c.rng.int(0, 80)] }];
  },
  (c) => [{ at: c.at, type: 'network', loss: c.rng.chance(0.5) ? 0 : c.rng.int(1, 30) / 100 }],
  (c) => [{ at: c.at, type: 'network', duplicate: c.rng.chance(0.5) ? 0 : c.rng.int(1, 20) / 100 }],
  (c) => [{ at: c.at, type: 'timeout', node: c.rng.pick(c.ids) }],
];

/**
 * The time faults of spec/protocols.md §1.9, drawn only for a protocol whose `fuzzFaults` lists them (its failure
 * model): a process pause, and a clock's offset, drift or jump. Appended after the classic actions, so a protocol
 * declaring neither draws exactly the stream it always did.
 */
const TIME_ACTIONS: Readonly<Partial<Record<FuzzFault, readonly Action[]>>> = {
  stall: [(c) => [{ at: c.at, type: 'stall', node: c.rng.pick(c.ids), durationMs: c.rng.int(50, 1500) }]],
  clock: [
    (c) => [{ at: c.at, type: 'clock', node: c.rng.pick(c.ids), offsetMs: c.rng.int(-500, 500) }],
    (c) => [{ at: c.at, type: 'clock', node: c.rng.pick(c.ids), driftPpm: c.rng.int(-2000, 2000) }],
    (c) => [{ at: c.at, type: 'clock', node: c.rng.pick(c.ids), jumpMs: c.rng.int(-1000, 1000) }],
  ],
};

/** The actions a protocol's fuzz runs draw from: the classic ones, then the time faults it declares. */
export function actionsFor(protocol: AnyProtocol): readonly Action[] {
  const faults = protocol.fuzzFaults ?? [];
  const extra = (['stall', 'clock'] as const).flatMap((f) => (faults.includes(f) ? (TIME_ACTIONS[f] ?? []) : []));
  return extra.length === 0 ? ACTIONS : [...ACTIONS, ...extra];
}

/**
 * Faults drawn only for protocols whose `fuzzFaults` lists them (spec/protocols.md §1.9), after every draw of
 * the classic ones, so a protocol without them (Raft, 2PC) draws exactly the stream it always did.
 */
const EXTRAS: readonly { readonly fault: FuzzFault; readonly action: Action }[] = [
  // §1.6: at most `faultTolerance(n)` distinct nodes ever turn; a turned node may switch modes.
  {
    fault: 'byzantine',
    action: (c) => {
      const modes = c.protocol.byzantineModes ?? [];
      const limit = c.protocol.faultTolerance?.(c.ids.length) ?? 0;
      if (modes.length === 0 || limit <= 0) return [];
      const node = c.turned.size < limit ? c.rng.pick(c.ids) : c.rng.pick([...c.turned].sort());
      c.turned.add(node);
      return [{ at: c.at, type: 'byzantine', node, mode: c.rng.pick(modes).id }];
    },
  },
  // §1.7: a member leaves, or one outside joins (the fuzzer starts every node in the cluster).
  {
    fault: 'membership',
    action: (c) => {
      if (c.outside.size > 0 && (c.outside.size === c.ids.length - 1 || c.rng.chance(0.5))) {
        const node = c.rng.pick([...c.outside].sort());
        c.outside.delete(node);
        return [{ at: c.at, type: 'join', node }];
      }
      const node = c.rng.pick(c.ids.filter((id) => !c.outside.has(id)));
      c.outside.add(node);
      return [{ at: c.at, type: 'leave', node }];
    },
  },
];

/**
 * A random scenario file for one fuzz run, drawn from `seed`. Swarm testing (Groce et al., 2012): each
 * run enables a random subset of the fault kinds with random weights, so some runs hammer one pattern
 * (isolate the leader, write, heal, again) that an even mix would almost never line up. Every run is a
 * plain scenario file that `run` replays exactly. Fault draws stop at `untilMs`; then comes the settled tail
 * (tail.ts, §1.9), and with clients a random workload (fuzzWorkload.ts).
 */
export function randomScenario(options: ScheduleOptions): Record<string, unknown> {
  const rng = Rng.fromSeed(options.seed);
  const ids: NodeId[] = Array.from({ length: options.nodes }, (_, i) => `n${i + 1}`);
  const actions = [...actionsFor(options.protocol)];
  const weights = actions.map(() => (rng.chance(0.7) ? rng.int(1, 6) : 0));
  weights[0] = Math.max(weights[0] ?? 0, 1); // always some client requests
  const extras = EXTRAS.filter((e) => options.protocol.fuzzFaults?.includes(e.fault));
  actions.push(...extras.map((e) => e.action));
  for (const _ of extras) weights.push(rng.chance(0.7) ? rng.int(1, 3) : 0);
  const total = weights.reduce((a, b) => a + b, 0);
  const meanGapMs = rng.int(40, 400);
  const crashed = new Set<NodeId>();
  const turned = new Set<NodeId>();
  const outside = new Set<NodeId>();
  const protocol = options.protocol;
  let requests = 0;
  const aimable = options.protocol.face.selectors.map((s) => s.id).filter((id) => FILE_SELECTORS.includes(id));
  const aim = () => (aimable.length === 0 ? null : aimable.length === 1 ? (aimable[0] as string) : rng.pick(aimable));
  const events: Input[] = [];
  for (let at = rng.int(100, 400); at < options.untilMs; at += rng.int(10, 2 * meanGapMs)) {
    let roll = rng.int(0, total - 1);
    let index = 0;
    while (roll >= (weights[index] ?? 0)) roll -= weights[index++] ?? 0;
    const action = actions[index] as Action;
    const nextCommand = () => options.protocol.face.commands.next(++requests);
    events.push(...action({ rng, ids, crashed, turned, outside, protocol, at, nextCommand, aim }));
  }
  events.sort((a, b) => a.at - b.at);
  const config = options.protocol.fuzzConfig ? options.protocol.fuzzConfig(rng, ids) : {};
  // Drawn last, and only for a protocol with clients: the other protocols' streams stay as they were.
  const load = randomWorkload(rng, options.protocol, options.clients ?? DEFAULT_FUZZ_CLIENTS, options.untilMs);
  const file = {
    format: FORMAT,
    version: VERSION,
    protocol: options.protocol.id,
    title: `fuzz run, seed ${options.seed}`,
    seed: options.seed,
    nodes: options.nodes,
    config,
    network: { latencyMs: [5, 30], loss: 0, duplicate: 0 },
    bug: options.bug,
    until: options.untilMs,
    ...(load ?? {}),
    events,
  };
  return withSettledTail(file, options.protocol, options.untilMs, options.untilMs);
}

function randomGroups(rng: Rng, ids: readonly NodeId[]): NodeId[][] {
  const sides = rng.int(2, Math.max(2, Math.min(3, ids.length)));
  const groups: NodeId[][] = Array.from({ length: sides }, () => []);
  for (const id of ids) groups[rng.int(0, sides - 1)]?.push(id);
  return groups.filter((g) => g.length > 0);
}

function twoOf(rng: Rng, ids: readonly NodeId[]): [NodeId, NodeId] {
  const from = rng.pick(ids);
  const others = ids.filter((id) => id !== from);
  return [from, others.length > 0 ? rng.pick(others) : from];
}
