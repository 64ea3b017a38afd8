import { emptyHash, foldRecord, type HashState, hashHex } from './trace';
import type { InputType, Skipped, TraceRecord, Violation, VirtualMs } from './types';

export interface JournalState {
  readonly traceLength: number;
  readonly violationCount: number;
  readonly skippedCount: number;
  readonly hash: HashState;
}

/**
 * What a run has written down: the trace, its running hash, the violations and the skipped inputs.
 * After a restore to an earlier snapshot the records past `position` are the run's known future, replayed
 * in place (never copied) as the run moves forward again; acting before the end of it drops that future.
 */
export class Journal {
  readonly trace: TraceRecord[] = [];
  readonly violations: Violation[] = [];
  readonly skipped: Skipped[] = [];
  /** How many records of `trace` have happened by now. */
  position = 0;
  /** The running hash, folded in place (`state()` hands out a copy). */
  private readonly hash = { a: emptyHash.a, b: emptyHash.b };

  get traceHash(): string {
    return hashHex(this.hash);
  }

  record(record: TraceRecord): void {
    // Replaying known ground (after a restore), the same record is already in place.
    if (this.position === this.trace.length) this.trace.push(record);
    this.position++;
    foldRecord(this.hash, record);
  }

  skip(t: VirtualMs, at: VirtualMs, type: InputType, reason: string): void {
    this.skipped.push({ at, type, reason });
    this.record({ t, kind: 'skip', input: type, reason });
  }

  /** The records past now were computed with the old inputs: with new ones they no longer hold. */
  forgetFuture(): void {
    if (this.trace.length > this.position) this.trace.length = this.position;
  }

  state(): JournalState {
    return {
      traceLength: this.position,
      violationCount: this.violations.length,
      skippedCount: this.skipped.length,
      hash: { a: this.hash.a, b: this.hash.b },
    };
  }

  restore(s: JournalState): void {
    if (this.trace.length < s.traceLength) throw new Error('the snapshot is from another branch of this run');
    this.position = s.traceLength;
    this.violations.length = s.violationCount;
    this.skipped.length = s.skippedCount;
    this.hash.a = s.hash.a;
    this.hash.b = s.hash.b;
  }
}
