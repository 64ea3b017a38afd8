import type { Simulation } from '../engine/simulation';
import type { VirtualMs } from '../engine/types';

/**
 * How much work one run may do. A scenario the format accepts can still ask for more than a laptop
 * has (64 servers for a day of virtual time is a few hundred million events): the runner, the
 * app's live run and its whole-run worker all stop at this budget with a message that names it,
 * never an out-of-memory abort. Memory follows the events, since each step keeps a few trace records.
 */
export const DEFAULT_MAX_EVENTS = 1_000_000;

/** A run that passed its budget: where it stopped, and how to give it more. */
export class OverBudget extends Error {
  constructor(
    readonly maxEvents: number,
    readonly atMs: VirtualMs,
  ) {
    super(overBudgetMessage(maxEvents, atMs));
    this.name = 'OverBudget';
  }
}

export function overBudgetMessage(maxEvents: number, atMs: VirtualMs): string {
  return (
    `the run stopped at ${(atMs / 1000).toFixed(3)} s of virtual time: it reached its budget of ` +
    `${maxEvents.toLocaleString('en-US')} events (raise it with --max-events, or shorten \`until\`)`
  );
}

/**
 * Runs `sim` up to time `t`, exactly as `sim.runUntil(t)` does (the same steps, the same trace), but
 * throws OverBudget once it has processed `maxEvents` events with more due by `t`.
 */
export function runWithinBudget(sim: Simulation, t: VirtualMs, maxEvents = DEFAULT_MAX_EVENTS): void {
  for (;;) {
    const next = sim.nextEventAt();
    if (next === undefined || next > t) break;
    if (sim.steps >= maxEvents) throw new OverBudget(maxEvents, sim.now);
    sim.step();
  }
  sim.runUntil(t);
}
