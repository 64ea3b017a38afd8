import type { HistoryEntry } from '../engine/clients';
import { clockReading } from '../engine/clock';
import { historyOf } from '../engine/history';
import type { AnyProtocol } from '../engine/protocol';
import { type RunSpec, Simulation } from '../engine/simulation';
import type { NodeView, Skipped, Violation } from '../engine/types';
import { DEFAULT_MAX_EVENTS, runWithinBudget } from './budget';
import { DEFAULT_UNTIL_MS } from './limits';
import type { ProtocolLookup, Scenario } from './types';
import { expandWorkload } from './workload';

export { DEFAULT_UNTIL_MS } from './limits';

/** Builds the simulation a scenario describes. */
export function createSimulation(scenario: Scenario, lookup: ProtocolLookup): Simulation {
  const protocol = lookup(scenario.protocol);
  if (!protocol) throw new Error(`unknown protocol "${scenario.protocol}"`);
  return new Simulation({
    protocol,
    nodes: scenario.nodes,
    seed: scenario.seed,
    config: scenario.config,
    network: scenario.network,
    bug: scenario.bug,
    initial: scenario.initial,
    inputs: scenario.events,
    ...(scenario.clocks === undefined ? {} : { clocks: scenario.clocks }),
    ...(scenario.clients && scenario.clients.length > 0 ? { clients: scenario.clients } : {}),
    ...workloadOf(scenario, protocol),
  });
}

/**
 * §1.5: the workload's requests, expanded before the run up to the scenario's `until` (else 10 s). They run
 * beside the inputs, not among them: the inputs stay what the file and the user wrote, so a saved run keeps
 * its `workload` field and never writes the generated requests out as events.
 */
function workloadOf(scenario: Scenario, protocol: AnyProtocol): Pick<RunSpec, 'generated'> {
  if (!scenario.workload || !protocol.ops) return {};
  const until = scenario.until ?? DEFAULT_UNTIL_MS;
  return { generated: expandWorkload(scenario.workload, scenario.seed, until, protocol.ops) };
}

/** The contract's `run --json` object. */
export interface RunSummary {
  readonly protocol: string;
  readonly seed: number;
  readonly time: number;
  readonly events: number;
  readonly traceHash: string;
  readonly messages: { readonly sent: number; readonly delivered: number; readonly dropped: number };
  readonly nodes: readonly NodeSummary[];
  readonly violations: readonly Violation[];
  readonly skipped: readonly Skipped[];
  /** Eventual invariants not judged because the run had not settled (spec/protocols.md §1.8); absent when none. */
  readonly unchecked?: readonly { readonly invariant: string; readonly reason: string }[];
  /** §1.5: the clients' operations, in id order; absent in a run without clients. */
  readonly history?: readonly HistoryEntry[];
}

/** One node at the end: spec/protocols.md §1.9 adds its clock (always) and `stalledUntil` (when stalled). */
export interface NodeSummary {
  readonly id: string;
  readonly up: boolean;
  readonly state: NodeView;
  /** §1.9: present (true) on client nodes. */
  readonly client?: true;
  readonly clock: { readonly offsetMs: number; readonly driftPpm: number };
  readonly stalledUntil?: number;
}

function nodeSummary(sim: Simulation, id: string, up: boolean, state: NodeView): NodeSummary {
  const node = sim.node(id);
  const clock = node ? clockReading(node.clock, sim.now) : { offsetMs: 0, driftPpm: 0 };
  const stalledUntil = node?.stall?.untilMs;
  return {
    id,
    up,
    state,
    ...(sim.isClient(id) ? { client: true as const } : {}),
    clock,
    ...(stalledUntil === undefined ? {} : { stalledUntil }),
  };
}

export function summarize(sim: Simulation): RunSummary {
  const stats = sim.counters;
  return {
    protocol: sim.protocol.id,
    seed: sim.spec.seed,
    time: sim.now,
    events: stats.events,
    traceHash: sim.traceHash,
    messages: { sent: stats.sent, delivered: stats.delivered, dropped: stats.dropped },
    nodes: sim.world().nodes.map((n) => nodeSummary(sim, n.id, n.isUp, n.view)),
    violations: [...sim.violations],
    skipped: [...sim.skipped],
    ...uncheckedOf(sim),
    ...(sim.nodeIds().some((id) => sim.isClient(id))
      ? { history: historyOf(sim.trace.slice(0, sim.traceLength)) }
      : {}),
  };
}

function uncheckedOf(sim: Simulation): Pick<RunSummary, 'unchecked'> {
  const reason = sim.unsettled;
  if (reason === null) return {};
  const eventual = sim.protocol.invariants.filter((i) => i.eventual);
  return eventual.length > 0 ? { unchecked: eventual.map((i) => ({ invariant: i.id, reason })) } : {};
}

/**
 * Plays a scenario to `untilMs` (else its own `until`, else 10 s) and summarizes it. Throws OverBudget
 * (budget.ts) when the run needs more than `maxEvents` events to get there.
 */
export function runScenario(
  scenario: Scenario,
  lookup: ProtocolLookup,
  untilMs?: number,
  maxEvents = DEFAULT_MAX_EVENTS,
): { sim: Simulation; summary: RunSummary } {
  const sim = createSimulation(scenario, lookup);
  runWithinBudget(sim, untilMs ?? scenario.until ?? DEFAULT_UNTIL_MS, maxEvents);
  // The protocol's end-of-run check (Monitor.settled): its findings join the violations.
  sim.settle();
  return { sim, summary: summarize(sim) };
}
