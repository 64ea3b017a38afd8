import type { Trial, TrialResult } from '../experiment/types';
import type { FuzzBatch, PlayedRun } from './fuzzBatch';

/**
 * The tasks a runner worker thread can do (pool.ts, worker.ts): a name, and a function from a task's input
 * to its output, both plain data (structured-clone). Each command that fans out adds one line here.
 */
export const WORKER_TASKS = {
  /** Squares a number: the pool's own test task. */
  square: (n: number): number => n * n,
  /** One trial of an experiment (experimentCommand.ts); its code loads on a worker's first trial. */
  experiment: async (trial: Trial): Promise<TrialResult> => (await import('../experiment/load')).runTrialLoading(trial),
  /** Plays some runs of a fuzz sweep (fuzzBatch.ts, fuzzParallel.ts); loaded on first use, so a worker that
   * does other tasks never loads the engine for it. */
  fuzz: async (batch: FuzzBatch): Promise<PlayedRun[]> => (await import('./fuzzBatch')).fuzzBatch(batch),
} satisfies Record<string, (input: never) => unknown>;

export type WorkerTaskKind = keyof typeof WORKER_TASKS;
export type TaskInput<K extends WorkerTaskKind> = Parameters<(typeof WORKER_TASKS)[K]>[0];
export type TaskOutput<K extends WorkerTaskKind> = Awaited<ReturnType<(typeof WORKER_TASKS)[K]>>;
