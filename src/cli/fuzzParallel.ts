import { runPool } from './pool';
import { type ParallelFuzzResult, type SweepPlan, SweepState } from './sweepState';

export type { IndexedFailure, ParallelFuzzResult, Shard, SweepPlan } from './sweepState';
export { shardSize } from './sweepState';

export interface ParallelFuzzOptions extends SweepPlan {
  /** Worker threads (pool.ts); 1 plays every run in this thread. */
  readonly jobs: number;
  /** Runs per worker task: a few amortise the message, more waste work past a stop. */
  readonly batchSize?: number;
}

/**
 * The sweep `fuzz` plays (fuzz.ts), over `jobs` worker threads, with the result the sequential sweep gives
 * for the same options: every run's seed comes from its index (runSeeds), and results are counted in index
 * order whatever order the workers finish in, so a stop after the first failure is the lowest index's.
 */
export async function fuzzParallel(options: ParallelFuzzOptions): Promise<ParallelFuzzResult> {
  const [result] = await fuzzSweeps([options], options);
  return result as ParallelFuzzResult;
}

/**
 * Several sweeps on one pool of `jobs` workers (the CI sweep's checks: one start of the workers for all), each
 * with the result it has alone. Sweeps are handed out in order; `onSweepDone(i, result)` reports each as soon
 * as it and every sweep before it are settled, so a caller can print in order while later ones still play.
 */
export async function fuzzSweeps(
  plans: readonly SweepPlan[],
  options: {
    readonly jobs: number;
    readonly batchSize?: number;
    readonly onSweepDone?: (i: number, result: ParallelFuzzResult) => void;
  },
): Promise<ParallelFuzzResult[]> {
  const sweeps = plans.map((plan) => new SweepState(plan));
  const batchSize = Math.max(1, options.batchSize ?? (options.jobs > 1 ? 2 : 1));
  const batches = sweeps.reduce((total, s) => total + s.batchesLeft(batchSize), 0);
  const owner = new Map<object, SweepState>();
  let reported = 0;
  const report = () => {
    for (let sweep = sweeps[reported]; sweep?.isDone; sweep = sweeps[reported]) {
      options.onSweepDone?.(reported, sweep.result());
      reported++;
    }
  };
  report();
  let current = 0;
  await runPool({
    kind: 'fuzz',
    jobs: Math.max(1, Math.min(options.jobs, batches)),
    next: () => {
      for (; current < sweeps.length; current++) {
        const batch = (sweeps[current] as SweepState).nextBatch(batchSize);
        if (batch) {
          owner.set(batch, sweeps[current] as SweepState);
          return batch;
        }
      }
      return undefined;
    },
    onResult: (played, batch) => {
      owner.get(batch)?.take(played);
      owner.delete(batch);
      report();
      return undefined;
    },
  });
  return sweeps.map((s) => s.result());
}
