import type { FuzzFailure } from './fuzz';
import type { FuzzBatch, PlayedRun, SweepSpec } from './fuzzBatch';

/** Shard k of n (k from 1): the sweep's runs whose index i (from 0) has i mod n = k - 1. */
export interface Shard {
  readonly k: number;
  readonly n: number;
}

/** One sweep to play: its options as plain data, the whole sweep's run count, a shard of it, a stop. */
export interface SweepPlan extends SweepSpec {
  /** Runs of the whole (unsharded) sweep. */
  readonly runs: number;
  /** Play only this shard's runs. */
  readonly shard?: Shard;
  /** Stop after this many failing runs, counted in index order, exactly as the sequential sweep stops. */
  readonly stopAfter?: number;
}

export interface IndexedFailure extends FuzzFailure {
  /** The run's index in the (unsharded) sweep. */
  readonly index: number;
}

export interface ParallelFuzzResult {
  /** Runs counted, in index order up to the stop: the sequential sweep's count. */
  readonly runs: number;
  readonly events: number;
  readonly failures: readonly IndexedFailure[];
}

/** How many of a sweep's `runs` runs shard k of n holds. */
export function shardSize(runs: number, shard: Shard): number {
  return Math.max(0, Math.ceil((runs - (shard.k - 1)) / shard.n));
}

/**
 * One sweep being played out of order: hands out its runs in index order, a batch at a time, and counts the
 * results in index order as they complete, as the sequential loop of fuzz.ts would, so its stop after
 * `stopAfter` failures is the lowest indices'. Once enough failures are known below some index, it hands out
 * nothing past it: every run below was handed out already, so the count there is settled by what is in flight.
 */
export class SweepState {
  readonly #plan: SweepPlan;
  readonly #spec: SweepSpec;
  /** Positions 0 .. count - 1 walk this shard's (or the whole sweep's) indices in increasing order. */
  readonly #count: number;
  #handedOut = 0;
  #cutoff: number;
  readonly #failingSeen: number[] = [];
  readonly #pending = new Map<number, PlayedRun>();
  #frontier = 0;
  #isDone: boolean;
  #runs = 0;
  #events = 0;
  readonly #failures: IndexedFailure[] = [];

  constructor(plan: SweepPlan) {
    this.#plan = plan;
    const { protocol, bug, seed, nodes, untilMs, clients } = plan;
    this.#spec = { protocol, bug, seed, nodes, untilMs, clients };
    this.#count = plan.shard ? shardSize(plan.runs, plan.shard) : plan.runs;
    this.#cutoff = this.#count;
    this.#isDone = this.#count === 0;
  }

  get isDone(): boolean {
    return this.#isDone;
  }

  /** Batches this sweep may still hand out (an upper bound: a stop can end it sooner). */
  batchesLeft(batchSize: number): number {
    return this.#isDone ? 0 : Math.ceil((this.#cutoff - this.#handedOut) / batchSize);
  }

  /** Its next batch of run indices, or undefined when it has handed out every run it needs. */
  nextBatch(batchSize: number): FuzzBatch | undefined {
    const end = Math.min(this.#handedOut + batchSize, this.#cutoff);
    if (this.#isDone || this.#handedOut >= end) return undefined;
    const indices = Array.from({ length: end - this.#handedOut }, (_, i) => this.#indexAt(this.#handedOut + i));
    this.#handedOut = end;
    return { spec: this.#spec, indices };
  }

  /** Takes a batch's results; true once the sweep's count is settled. */
  take(played: readonly PlayedRun[]): boolean {
    if (this.#isDone) return true;
    for (const run of played) {
      const position = this.#positionOf(run.index);
      this.#pending.set(position, run);
      if (run.failure) this.#noteFailure(position);
    }
    this.#advance();
    return this.#isDone;
  }

  result(): ParallelFuzzResult {
    return { runs: this.#runs, events: this.#events, failures: this.#failures };
  }

  #indexAt(position: number): number {
    const { shard } = this.#plan;
    return shard ? shard.k - 1 + position * shard.n : position;
  }

  #positionOf(index: number): number {
    const { shard } = this.#plan;
    return shard ? (index - (shard.k - 1)) / shard.n : index;
  }

  #noteFailure(position: number): void {
    const { stopAfter } = this.#plan;
    if (stopAfter === undefined) return;
    this.#failingSeen.push(position);
    this.#failingSeen.sort((a, b) => a - b);
    const last = this.#failingSeen[stopAfter - 1];
    if (last !== undefined) this.#cutoff = Math.min(this.#cutoff, last + 1);
  }

  /** Counts the runs below the frontier, in index order, like the sequential loop. */
  #advance(): void {
    const { stopAfter } = this.#plan;
    for (let run = this.#pending.get(this.#frontier); run !== undefined; run = this.#pending.get(this.#frontier)) {
      this.#pending.delete(this.#frontier);
      this.#frontier++;
      this.#runs++;
      this.#events += run.events;
      if (run.failure) this.#failures.push({ index: run.index, seed: run.seed, ...run.failure });
      const isStopped = stopAfter !== undefined && this.#failures.length >= stopAfter;
      if (isStopped || this.#frontier >= this.#count) {
        this.#isDone = true;
        this.#pending.clear();
        return;
      }
    }
  }
}
