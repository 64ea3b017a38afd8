import { compactTrace } from './compaction';
import type { SimSnapshot, Simulation } from './simulation';
import type { Input, TraceRecord, VirtualMs } from './types';

/** How often a checkpoint is taken, in virtual ms: a seek replays at most this much of the run. */
export const CHECKPOINT_INTERVAL_MS = 500;

/**
 * Every this many checkpoints, the records written since the last compaction share their equal values
 * (compaction.ts: lossless; a long run's heap follows what is distinct in it, not how long it is).
 */
export const COMPACT_EVERY_CHECKPOINTS = 20;

/**
 * Checkpoints further back than this behind the newest are thinned to one every `SPARSE_CHECKPOINTS` intervals
 * (2 virtual s): a seek that far back replays up to that much, a few milliseconds, and an hour's run keeps about
 * 1,900 checkpoints instead of 7,200, each holding the nodes, the queue and the monitor's history of its instant.
 * (One in 10, 5 virtual s, measured: 217 MB instead of 284 MB after an hour, seeks 9 ms instead of 2.7 ms median.)
 */
export const DENSE_SPAN_MS = 60_000;
export const SPARSE_CHECKPOINTS = 4;

/**
 * A run that can be rewound. It takes a checkpoint of the simulation every few hundred virtual ms;
 * seeking to t restores the last checkpoint at or before t and replays forward, so a seek costs about
 * the same anywhere in a run of any length (DESIGN.md, "Snapshot"). Stepping goes one visible event
 * (one step that wrote to the trace) at a time, backwards too.
 */
export class Recording {
  private checkpoints: SimSnapshot[] = [];
  private furthestMs: VirtualMs;
  /** The records before this position have been compacted. */
  private compactedUpTo = 0;
  private checkpointsSinceCompaction = 0;

  /** Checkpoints before this time are thinned already. */
  private thinnedUpTo = 0;

  constructor(
    readonly sim: Simulation,
    readonly intervalMs: number = CHECKPOINT_INTERVAL_MS,
    readonly denseSpanMs: number = DENSE_SPAN_MS,
  ) {
    this.checkpoints.push(sim.snapshot());
    this.furthestMs = sim.now;
  }

  get now(): VirtualMs {
    return this.sim.now;
  }

  /** How many checkpoints the run keeps (bench/longRun.ts, tests). */
  get checkpointCount(): number {
    return this.checkpoints.length;
  }

  /** The furthest time this run has been computed to. */
  get frontier(): VirtualMs {
    return Math.max(this.furthestMs, this.sim.now);
  }

  /** The trace up to the frontier (the records past `sim.traceLength` are the known future). */
  get fullTrace(): readonly TraceRecord[] {
    return this.sim.trace;
  }

  /** Moves the run to time t: everything at or before t has happened. */
  seek(t: VirtualMs): void {
    const checkpoint = this.checkpointAtOrBefore(t);
    // Back in time, or far ahead within what was computed before: jump to the checkpoint, then replay.
    if (t < this.sim.now || checkpoint.nowMs > this.sim.now) this.sim.restore(checkpoint);
    this.runTo(t);
  }

  /**
   * Processes exactly the next event, taking any checkpoint due before it (the app's clock plays a run
   * event by event, to stop at pause points and violations). False when nothing is left.
   */
  step(): boolean {
    const next = this.sim.nextEventAt();
    if (next === undefined) return false;
    this.checkpointUpTo(next - 1e-6);
    this.sim.step();
    this.noteFurthest();
    return true;
  }

  /** Processes events up to the next one that shows in the trace. False at the end of the run. */
  stepForward(): boolean {
    const length = this.sim.traceLength;
    for (;;) {
      const next = this.sim.nextEventAt();
      if (next === undefined) return false;
      // A checkpoint at exactly `next` would process that event too: only take earlier ones.
      this.checkpointUpTo(next - 1e-6);
      this.sim.step();
      this.noteFurthest();
      if (this.sim.traceLength > length) return true;
    }
  }

  /** Goes back to just before the last step that showed in the trace. False at the start. */
  stepBack(): boolean {
    const target = this.sim.traceLength;
    if (target === 0 || this.sim.steps === 0) return false;
    const checkpoint = this.checkpointBefore(this.sim.steps);
    // Replay once to find the last step boundary with a shorter trace, then again to stop there.
    this.sim.restore(checkpoint);
    let boundary = this.sim.steps;
    while (this.sim.traceLength < target && this.sim.step()) {
      if (this.sim.traceLength < target) boundary = this.sim.steps;
    }
    this.sim.restore(checkpoint);
    while (this.sim.steps < boundary && this.sim.step()) {}
    return true;
  }

  /**
   * Acts at the current time. When the run had been computed further (the user went back in time),
   * the old future is dropped: the run continues from here with this input. The caller keeps the old
   * inputs if it wants to offer the old branch back.
   */
  apply(input: Input): void {
    if (this.frontier > this.sim.now) this.forgetFuture();
    this.sim.apply(input);
  }

  /** Drops everything computed after now, and every input after now. */
  forgetFuture(): void {
    const now = this.sim.now;
    this.sim.dropInputsAfter(now);
    this.checkpoints = this.checkpoints.filter((c) => c.nowMs <= now && c.steps <= this.sim.steps);
    this.furthestMs = now;
    this.thinnedUpTo = Math.min(this.thinnedUpTo, now);
  }

  private runTo(t: VirtualMs): void {
    this.checkpointUpTo(t);
    this.sim.runUntil(t);
    this.noteFurthest();
  }

  /** Runs to each checkpoint time up to t that has no checkpoint yet, and takes it. */
  private checkpointUpTo(t: VirtualMs): void {
    for (;;) {
      const last = this.checkpoints[this.checkpoints.length - 1] as SimSnapshot;
      const after = Math.max(last.nowMs, this.sim.now);
      const due = (Math.floor(after / this.intervalMs) + (after === last.nowMs ? 1 : 0)) * this.intervalMs;
      if (due > t || due < this.sim.now) return;
      this.sim.runUntil(due);
      this.checkpoints.push(this.sim.snapshot());
      if (++this.checkpointsSinceCompaction >= COMPACT_EVERY_CHECKPOINTS) this.compact();
      this.thin(due);
    }
  }

  /** Keeps one checkpoint in `SPARSE_CHECKPOINTS` older than `denseSpanMs` before `newestMs` (and always the first). */
  private thin(newestMs: VirtualMs): void {
    const sparseMs = this.intervalMs * SPARSE_CHECKPOINTS;
    const before = newestMs - this.denseSpanMs;
    if (before < this.thinnedUpTo + sparseMs) return;
    const first = this.checkpoints[0];
    this.checkpoints = this.checkpoints.filter(
      (c) => c === first || c.nowMs >= before || c.nowMs < this.thinnedUpTo || c.nowMs % sparseMs === 0,
    );
    this.thinnedUpTo = before;
  }

  /** Compacts the records written since the last time (a branch may have cut the trace shorter meanwhile). */
  private compact(): void {
    this.checkpointsSinceCompaction = 0;
    const from = Math.min(this.compactedUpTo, this.sim.trace.length);
    const to = this.sim.traceLength;
    if (to > from) compactTrace(this.sim.trace, from, to);
    this.compactedUpTo = Math.max(from, to);
  }

  private checkpointAtOrBefore(t: VirtualMs): SimSnapshot {
    let lo = 0;
    let hi = this.checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.checkpoints[mid] as SimSnapshot).nowMs <= t) lo = mid;
      else hi = mid - 1;
    }
    return this.checkpoints[lo] as SimSnapshot;
  }

  private checkpointBefore(steps: number): SimSnapshot {
    let best = this.checkpoints[0] as SimSnapshot;
    for (const c of this.checkpoints) if (c.steps < steps && c.steps >= best.steps) best = c;
    return best;
  }

  private noteFurthest(): void {
    if (this.sim.now > this.furthestMs) this.furthestMs = this.sim.now;
  }
}
