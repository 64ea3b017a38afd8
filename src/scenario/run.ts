import { Simulation } from '../engine/simulation';
import type { NodeView, Skipped, Violation } from '../engine/types';
import { DEFAULT_MAX_EVENTS, runWithinBudget } from './budget';
import type { ProtocolLookup, Scenario } from './types';

export const DEFAULT_UNTIL_MS = 10_000;

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
    ...(scenario.standby === undefined ? {} : { standby: scenario.standby }),
  });
}

/** The contract's `run --json` object. */
export interface RunSummary {
  readonly protocol: string;
  readonly seed: number;
  readonly time: number;
  readonly events: number;
  readonly traceHash: string;
  readonly messages: { readonly sent: number; readonly delivered: number; readonly dropped: number };
  /** `member` always (§1.9: true for every node of a protocol without membership); `byzantine` when it runs a mode. */
  readonly nodes: readonly {
    readonly id: string;
    readonly up: boolean;
    readonly member: boolean;
    readonly byzantine?: string;
    readonly state: NodeView;
  }[];
  readonly violations: readonly Violation[];
  readonly skipped: readonly Skipped[];
  /** Eventual invariants not judged because the run had not settled (spec/protocols.md §1.8); absent when none. */
  readonly unchecked?: readonly { readonly invariant: string; readonly reason: string }[];
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
    nodes: sim.world().nodes.map((n) => ({
      id: n.id,
      up: n.isUp,
      member: n.member ?? true,
      ...(n.byzantine === undefined ? {} : { byzantine: n.byzantine }),
      state: n.view,
    })),
    violations: [...sim.violations],
    skipped: [...sim.skipped],
    ...uncheckedOf(sim),
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
