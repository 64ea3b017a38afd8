import type { FuzzFailure } from './fuzz';
import type { PlayedRun, SweepSpec } from './fuzzBatch';
import { runPool } from './pool';

/** Shard k of n (k from 1): the sweep's runs whose index i (from 0) has i mod n = k - 1. */
export interface Shard {
  readonly k: number;
  readonly n: number;
}

export interface ParallelFuzzOptions extends SweepSpec {
  /** Runs of the whole (unsharded) sweep. */
  readonly runs: number;
  /** Worker threads (pool.ts); 1 plays every run in this thread. */
  readonly jobs: number;
  /** Play only this shard's runs. */
  readonly shard?: Shard;
  /** Stop after this many failing runs, counted in index order, exactly as the sequential sweep stops. */
  readonly stopAfter?: number;
  /** Runs per worker task; a few amortise the message, more waste work past a stop. */
  readonly batchSize?: number;
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
 * The sweep `fuzz` plays (fuzz.ts), over `jobs` worker threads, with the result the sequential sweep gives
 * for the same options: every run's seed comes from its index (runSeeds), and results are counted in index
 * order whatever order the workers finish in, so a stop after the first failure is the lowest index's.
 */
export async function fuzzParallel(options: ParallelFuzzOptions): Promise<ParallelFuzzResult> {
  const { runs, shard, stopAfter } = options;
  const spec: SweepSpec = {
    protocol: options.protocol,
    bug: options.bug,
    seed: options.seed,
    nodes: options.nodes,
    untilMs: options.untilMs,
    clients: options.clients,
  };
  // Positions 0 .. count - 1 walk this shard's (or the whole sweep's) indices in increasing order.
  const count = shard ? shardSize(runs, shard) : runs;
  const indexAt = (p: number) => (shard ? shard.k - 1 + p * shard.n : p);
  const positionOf = (index: number) => (shard ? (index - (shard.k - 1)) / shard.n : index);
  const batchSize = Math.max(1, options.batchSize ?? (options.jobs > 1 ? 2 : 1));
  const jobs = Math.max(1, Math.min(options.jobs, Math.ceil(count / batchSize)));

  let handedOut = 0;
  // Positions from `cutoff` on need not run: enough failures are known below it to stop there.
  let cutoff = count;
  const failingSeen: number[] = [];
  const pending = new Map<number, PlayedRun>();
  let frontier = 0;
  let isDone = count === 0;
  let counted = 0;
  let events = 0;
  const failures: IndexedFailure[] = [];

  const noteFailure = (position: number) => {
    if (stopAfter === undefined) return;
    failingSeen.push(position);
    failingSeen.sort((a, b) => a - b);
    const last = failingSeen[stopAfter - 1];
    if (last !== undefined) cutoff = Math.min(cutoff, last + 1);
  };

  // Counts runs in index order as the results below the frontier come in, like the sequential loop.
  const advance = () => {
    for (let run = pending.get(frontier); run !== undefined && !isDone; run = pending.get(frontier)) {
      pending.delete(frontier);
      frontier++;
      counted++;
      events += run.events;
      if (run.failure) {
        failures.push({ index: run.index, seed: run.seed, ...run.failure });
        if (stopAfter !== undefined && failures.length >= stopAfter) isDone = true;
      }
      if (frontier >= count) isDone = true;
    }
  };

  if (!isDone) {
    await runPool({
      kind: 'fuzz',
      jobs,
      next: () => {
        const end = Math.min(handedOut + batchSize, cutoff);
        if (isDone || handedOut >= end) return undefined;
        const indices = Array.from({ length: end - handedOut }, (_, i) => indexAt(handedOut + i));
        handedOut = end;
        return { spec, indices };
      },
      onResult: (played) => {
        if (isDone) return 'stop';
        for (const run of played) {
          const position = positionOf(run.index);
          pending.set(position, run);
          if (run.failure) noteFailure(position);
        }
        advance();
        return isDone ? 'stop' : undefined;
      },
    });
  }
  return { runs: counted, events, failures };
}
