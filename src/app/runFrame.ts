import type { Recording } from '../engine/recording';
import type { TraceRecord, Violation, VirtualMs } from '../engine/types';

export interface FrameResult {
  /** The first pause point or violation met, where playback stops. */
  readonly stop: TraceRecord | null;
  readonly hasFault: boolean;
  readonly steps: number;
  /** True when the step budget ran out with events still due at or before the target. */
  readonly isTruncated: boolean;
}

/** Runs the engine event by event toward `target`, at most `maxSteps`, stopping at a pause or a violation. */
export function runFrame(recording: Recording, target: VirtualMs, maxSteps: number): FrameResult {
  const sim = recording.sim;
  let hasFault = false;
  let stop: TraceRecord | null = null;
  let steps = 0;
  for (;;) {
    const next = sim.nextEventAt();
    if (next === undefined || next > target) break;
    if (steps >= maxSteps) return { stop, hasFault, steps, isTruncated: true };
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
