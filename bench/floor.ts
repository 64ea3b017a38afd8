/**
 * The RaftScope-parity run and XState's floor under it (issue 12, item 3).
 *
 * RaftScope (github:ongardie/raftscope, raft.js) models 5 servers with an election timeout drawn from
 * [ELECTION_TIMEOUT, 2 x ELECTION_TIMEOUT) = [100, 200) ms, heartbeats every ELECTION_TIMEOUT / 2 = 50 ms, an
 * RPC timeout of 50 ms and an RPC latency drawn from [10, 15] ms (its constants are in microseconds). The
 * parity scenario is that cluster in netsplit's Raft for 60 virtual seconds with a client request a second.
 * (netsplit's Raft has no RPC retry timer: a leader re-sends on the next heartbeat, every 50 ms, which is what
 * RaftScope's 50 ms RPC timeout amounts to on a cluster without loss.)
 *
 * The floor: every (node, event) the engine hands the Raft machines in that run, recorded, then replayed
 * through XState's own transition alone (no wire, no trace, no invariants, no views).
 */
import { type AnyMachineSnapshot, type AnyStateMachine, createActor, transition } from 'xstate';
import type { Simulation } from '../src/engine/simulation';
import { getProtocol, loadAllProtocols } from '../src/protocols';
import { parseScenario } from '../src/scenario/parse';
import { createSimulation } from '../src/scenario/run';
import type { Scenario } from '../src/scenario/types';

export const PARITY_MS = 60_000;

export async function parityScenario(): Promise<Scenario> {
  await loadAllProtocols();
  const events = Array.from({ length: 60 }, (_, i) => ({ at: 1000 * i + 500, type: 'request', command: `x=${i}` }));
  const parsed = parseScenario(
    {
      format: 'netsplit-scenario',
      version: 1,
      protocol: 'raft',
      seed: 1,
      nodes: 5,
      until: PARITY_MS,
      config: { electionTimeoutMs: [100, 200], heartbeatMs: 50 },
      network: { latencyMs: [10, 15], loss: 0, duplicate: 0 },
      events,
    },
    getProtocol,
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

export function paritySimulation(scenario: Scenario): Simulation {
  return createSimulation(scenario, getProtocol);
}

/** One thing the engine handed a machine: a (re)start with its input, or an event. */
export type Fed =
  | { readonly node: string; readonly input: unknown; readonly event?: undefined }
  | { readonly node: string; readonly event: { type: string } };

/** What the engine fed one run's machines, in order. */
export interface Feed {
  readonly machine: AnyStateMachine;
  readonly steps: readonly Fed[];
  /** Each node's context at the end of the engine's run, to check the replay against. */
  readonly finalContexts: Readonly<Record<string, unknown>>;
}

/** Runs the scenario once with the Raft machine's two entry points wrapped, recording what they are handed. */
export function recordFeed(scenario: Scenario, untilMs: number = PARITY_MS): Feed {
  const machine = getProtocol('raft')?.machine as AnyStateMachine;
  const steps: Fed[] = [];
  const target = machine as unknown as Record<string, unknown>;
  const originalInitial = machine.getInitialSnapshot;
  const originalTransition = machine.transition;
  target.getInitialSnapshot = function (this: AnyStateMachine, scope: unknown, input: { id: string }) {
    steps.push({ node: input.id, input });
    return (originalInitial as (s: unknown, i: unknown) => AnyMachineSnapshot).call(this, scope, input);
  };
  target.transition = function (
    this: AnyStateMachine,
    snapshot: AnyMachineSnapshot,
    event: { type: string },
    scope: unknown,
  ) {
    steps.push({ node: (snapshot.context as { id: string }).id, event });
    return (originalTransition as (s: unknown, e: unknown, sc: unknown) => AnyMachineSnapshot).call(
      this,
      snapshot,
      event,
      scope,
    );
  };
  const finalContexts: Record<string, unknown> = {};
  try {
    const sim = paritySimulation(scenario);
    sim.runUntil(untilMs);
    for (const node of scenario.nodes) finalContexts[node] = sim.node(node)?.snapshot.context;
  } finally {
    delete target.getInitialSnapshot;
    delete target.transition;
  }
  return { machine, steps, finalContexts };
}

/** One actor scope built once (the shape the engine's stepper uses): XState's transition at its fastest. */
function reusedScope(machine: AnyStateMachine): unknown {
  const self = createActor(machine);
  const noop = () => {};
  return {
    self,
    system: self.system,
    id: '',
    sessionId: '',
    logger: noop,
    defer: noop,
    emit: noop,
    stopChild: noop,
    actionExecutor: noop,
  };
}

type Stepped = (snapshot: AnyMachineSnapshot, event: { type: string }) => AnyMachineSnapshot;

/** Replays the feed: the machines start from the recorded inputs and take every recorded event, nothing else. */
export function replay(feed: Feed, how: 'scope' | 'public'): Map<string, AnyMachineSnapshot> {
  const { machine } = feed;
  const scope = reusedScope(machine) as never;
  const nodes = new Map<string, AnyMachineSnapshot>();
  const step: Stepped =
    how === 'scope'
      ? (snapshot, event) => machine.transition(snapshot, event as never, scope)
      : (snapshot, event) => transition(machine, snapshot, event as never)[0];
  for (const fed of feed.steps) {
    if (fed.event === undefined) nodes.set(fed.node, machine.getInitialSnapshot(scope, fed.input));
    else nodes.set(fed.node, step(nodes.get(fed.node) as AnyMachineSnapshot, fed.event));
  }
  return nodes;
}
