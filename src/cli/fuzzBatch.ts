import type { Violation } from '../engine/types';
import { getProtocol, loadProtocol } from '../protocols';
import { fuzzOne, runSeeds } from './fuzz';

/** A sweep's options as plain data, so a worker thread (or another machine) can play any of its runs. */
export interface SweepSpec {
  readonly protocol: string;
  readonly bug: string | null;
  /** The sweep's seed: run i plays the i-th draw of its stream (runSeeds). */
  readonly seed: number;
  readonly nodes: number;
  readonly untilMs: number;
  readonly clients: number;
}

/** One played run of a sweep, as plain data: its index in the sweep, its seed, and its failure if any. */
export interface PlayedRun {
  readonly index: number;
  readonly seed: number;
  readonly events: number;
  readonly failure: { readonly violations: readonly Violation[]; readonly file: Record<string, unknown> } | null;
}

/** The `fuzz` worker task's input: some run indices of one sweep, in increasing order. */
export interface FuzzBatch {
  readonly spec: SweepSpec;
  readonly indices: readonly number[];
}

/** The seeds of runs at `indices` (increasing), drawn from one pass over the sweep seed's stream. */
export function seedsAt(sweepSeed: number, indices: readonly number[]): number[] {
  const first = indices[0];
  if (first === undefined) return [];
  const span = runSeeds(sweepSeed, first, (indices[indices.length - 1] as number) - first + 1);
  return indices.map((i) => span[i - first] as number);
}

/** The `fuzz` worker task (workerTasks.ts): loads the protocol and plays each run of the batch with fuzzOne. */
export async function fuzzBatch({ spec, indices }: FuzzBatch): Promise<PlayedRun[]> {
  const protocol = await loadProtocol(spec.protocol);
  if (!protocol) throw new Error(`unknown protocol ${JSON.stringify(spec.protocol)}`);
  const options = { ...spec, protocol };
  const seeds = seedsAt(spec.seed, indices);
  return indices.map((index, i) => {
    const seed = seeds[i] as number;
    const { events, failure } = fuzzOne(options, seed, getProtocol);
    return {
      index,
      seed,
      events,
      failure: failure && { violations: failure.violations, file: failure.file },
    };
  });
}
