import type { Simulation } from '../engine/simulation';
import type { VirtualMs } from '../engine/types';

/**
 * How much work one run may do. A scenario the format accepts can still ask for more than a laptop
 * has (64 servers for a day of virtual time is a few hundred million events): the runner, the
 * app's live run and its whole-run worker all stop at this budget with a message that names it,
 * never an out-of-memory abort. Trace records, which hold most of the memory, have their own budget below.
 */
export const DEFAULT_MAX_EVENTS = 1_000_000;

/**
 * The budget of trace records a run keeps. Memory follows the records more than the events: one event
 * can write a record per peer (a leader's AppendEntries to 63 followers), and every record is kept for
 * the timeline, the diagram and `--trace`. Measured here (Raft, 5 and 64 servers, 100,000 events) a
 * record keeps about 175 bytes, so four million records are about 700 MB of heap, under what a browser
 * tab or Node's default heap gives. A count, not a heap reading: where a run stops never depends on the machine.
 */
export const DEFAULT_MAX_RECORDS = 4_000_000;

/** Which budget a run reached: the name said in messages, the flag that raises it, the limit. */
export type BudgetKind = 'events' | 'records';

const WORDS: Readonly<Record<BudgetKind, { readonly unit: string; readonly flag: string }>> = {
  events: { unit: 'events', flag: '--max-events' },
  records: { unit: 'trace records', flag: '--max-records' },
};

/** A run that passed its budget: where it stopped, and how to give it more. */
export class OverBudget extends Error {
  constructor(
    /** The limit that was reached (events, or trace records when `kind` says so). */
    readonly maxEvents: number,
    readonly atMs: VirtualMs,
    readonly kind: BudgetKind = 'events',
  ) {
    super(budgetMessage(kind, maxEvents, atMs));
    this.name = 'OverBudget';
  }
}

export function budgetMessage(kind: BudgetKind, limit: number, atMs: VirtualMs): string {
  const { unit, flag } = WORDS[kind];
  return (
    `the run stopped at ${(atMs / 1000).toFixed(3)} s of virtual time: it reached its budget of ` +
    `${limit.toLocaleString('en-US')} ${unit} (raise it with ${flag}, or shorten \`until\`)`
  );
}

export function overBudgetMessage(maxEvents: number, atMs: VirtualMs): string {
  return budgetMessage('events', maxEvents, atMs);
}

/**
 * The budget `sim` has reached, if any: `maxEvents` events processed, or `maxRecords` trace records
 * written (counted up to now, so a rewound run's known future does not count twice). Checked before a
 * step, so the stop point is a function of the scenario and the budget alone.
 */
export function budgetReached(
  sim: Simulation,
  maxEvents: number = DEFAULT_MAX_EVENTS,
  maxRecords: number = DEFAULT_MAX_RECORDS,
): OverBudget | null {
  if (sim.steps >= maxEvents) return new OverBudget(maxEvents, sim.now, 'events');
  if (sim.traceLength >= maxRecords) return new OverBudget(maxRecords, sim.now, 'records');
  return null;
}

/**
 * Runs `sim` up to time `t`, exactly as `sim.runUntil(t)` does (the same steps, the same trace), but
 * throws OverBudget once it has processed `maxEvents` events, or kept `maxRecords` trace records, with
 * more due by `t`.
 */
export function runWithinBudget(
  sim: Simulation,
  t: VirtualMs,
  maxEvents = DEFAULT_MAX_EVENTS,
  maxRecords = DEFAULT_MAX_RECORDS,
): void {
  for (;;) {
    const next = sim.nextEventAt();
    if (next === undefined || next > t) break;
    const over = budgetReached(sim, maxEvents, maxRecords);
    if (over) throw over;
    sim.step();
  }
  sim.runUntil(t);
}
