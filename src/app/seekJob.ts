import type { Recording } from '../engine/recording';
import type { VirtualMs } from '../engine/types';
import { budgetReached, DEFAULT_MAX_EVENTS, DEFAULT_MAX_RECORDS, type OverBudget } from '../scenario/budget';

/** A frame gives a long seek at most this much wall time, so the page keeps answering. */
export const SLICE_MS = 10;
/** How many events run between looks at the wall clock (reading it costs more than a step). */
const STEPS_PER_CHECK = 32;

/**
 * A seek past what has been computed, done in slices of at most `SLICE_MS` of main-thread time. The
 * store runs one slice per animation frame and drops the job when a newer seek replaces it.
 */
export class SeekJob {
  private readonly fromMs: VirtualMs;
  /** True once the seek stopped short of its target at a budget (`overBudget` says which). */
  isOverBudget = false;
  overBudget: OverBudget | null = null;

  constructor(
    private readonly recording: Recording,
    readonly targetMs: VirtualMs,
    private readonly maxEvents: number = DEFAULT_MAX_EVENTS,
    private readonly clock: () => number = () => performance.now(),
    private readonly maxRecords: number = DEFAULT_MAX_RECORDS,
  ) {
    this.fromMs = recording.sim.now;
  }

  /** How far along, from 0 to 1. */
  get progress(): number {
    const span = this.targetMs - this.fromMs;
    return span <= 0 ? 1 : Math.min(1, Math.max(0, (this.recording.sim.now - this.fromMs) / span));
  }

  /** Runs for at most `budgetMs` of wall time; true once the run stands at the target. */
  run(budgetMs: number = SLICE_MS): boolean {
    const start = this.clock();
    const { sim } = this.recording;
    let steps = 0;
    for (;;) {
      const next = sim.nextEventAt();
      if (next === undefined || next > this.targetMs) {
        this.recording.seek(this.targetMs);
        return true;
      }
      // Past a budget the seek ends where it is; the store says why (scenario/budget.ts).
      const over = budgetReached(sim, this.maxEvents, this.maxRecords);
      if (over) {
        this.isOverBudget = true;
        this.overBudget = over;
        return true;
      }
      this.recording.step();
      steps++;
      if (steps % STEPS_PER_CHECK === 0 && this.clock() - start >= budgetMs) return false;
    }
  }
}
