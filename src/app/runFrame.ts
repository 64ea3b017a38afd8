import type { Recording } from '../engine/recording';
import type { TraceRecord, Violation, VirtualMs } from '../engine/types';
import type { OverBudget } from '../scenario/budget';

export interface FrameResult {
  /** The first pause point or violation met, where playback stops. */
  readonly stop: TraceRecord | null;
  readonly hasFault: boolean;
  readonly steps: number;
  /** True when the step budget ran out with events still due at or before the target. */
  readonly isTruncated: boolean;
}

/** How many events run between looks at the wall clock (reading it costs more than a step). */
const STEPS_PER_LOOK = 64;

/**
 * Runs the engine event by event toward `target`, at most `maxSteps`, stopping at a pause or a violation.
 * `isOverTime` (the page's frame budget in wall time) cuts the frame short like `maxSteps` does.
 */
export function runFrame(
  recording: Recording,
  target: VirtualMs,
  maxSteps: number,
  isOverTime: () => boolean = () => false,
): FrameResult {
  const sim = recording.sim;
  let hasFault = false;
  let stop: TraceRecord | null = null;
  let steps = 0;
  for (;;) {
    const next = sim.nextEventAt();
    if (next === undefined || next > target) break;
    if (steps >= maxSteps || (steps > 0 && steps % STEPS_PER_LOOK === 0 && isOverTime())) {
      return { stop, hasFault, steps, isTruncated: true };
    }
    const from = sim.traceLength;
    recording.step();
    steps++;
    for (let i = from; i < sim.traceLength; i++) {
      const record = sim.trace[i] as TraceRecord;
      if (record.kind === 'pause' || record.kind === 'violation') stop ??= record;
      if (record.kind === 'fault') hasFault = true;
    }
    if (stop) break;
  }
  return { stop, hasFault, steps, isTruncated: false };
}

/** The 1-based position in the trace (up to now) of the record of a violation: "at event #n". */
export function eventNumberOf(trace: readonly TraceRecord[], length: number, violation: Violation): number {
  for (let i = length - 1; i >= 0; i--) {
    const r = trace[i] as TraceRecord;
    if (r.kind === 'violation' && r.invariant === violation.invariant && r.message === violation.message) return i + 1;
  }
  return 0;
}

/**
 * How much main-thread time one frame of play may take (the page sets it): a heavy cluster at top speed
 * then plays slower than asked instead of freezing the page, and a click is answered within a frame.
 */
export interface FrameWork {
  readonly maxMs: number;
  readonly clock: () => number;
}

/** Why the app stopped a run at a budget (events or trace records), and what the user can do. */
export function budgetNotice(over: OverBudget): string {
  return `Stopped: ${over.message}. In the app, rewind or shorten the scenario.`;
}
