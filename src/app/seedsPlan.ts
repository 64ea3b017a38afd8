import { runSeeds } from '../cli/fuzz';
import type { Face } from '../engine/face';
import type { ExperimentPlan, Measure } from './experimentSession';
import { milestoneKey } from './seedTrial';

/** The one parameter value of "this run over N seeds": the run as it stands. */
export const THIS_RUN = 'this run';

/** What a seed trial measures before it has run: the time to each milestone the protocol's face declares. */
export function milestoneMeasures(face: Face): Measure[] {
  return face.milestones.map((m) => ({
    key: milestoneKey(m.kind),
    title: `Time from the first fault to a ${m.word}`,
    unit: 'ms',
  }));
}

/**
 * "This run over N seeds": the current run's file, played with N other seeds. Trial i's seed is the i-th draw
 * of the run's own seed's stream (the fuzzer's rule, cli/fuzz.ts `runSeeds`), so the same run over the same N
 * gives the same trials, whichever worker plays which.
 */
export function seedsPlan(fileText: string, runSeed: number, count: number, title: string, face: Face): ExperimentPlan {
  const seeds = runSeeds(runSeed, 0, count);
  return {
    title,
    parameters: [THIS_RUN],
    measures: milestoneMeasures(face),
    trials: seeds.map((seed, trial) => ({ parameter: THIS_RUN, trial, task: { kind: 'seed', fileText, seed } })),
  };
}
