import { runSeeds } from '../cli/fuzz';
import { Rng } from '../engine/rng';
import { valueFile } from './parse';
import type { Experiment, Trial } from './types';

/**
 * Every trial of an experiment, value by value, each with at most `maxTrials` trials when given. Trial i's seed
 * is the i-th draw of the experiment seed's stream (the fuzzer's rule, runSeeds) for every parameter value, so
 * the values are compared on the same draws, and a trial's result depends on nothing but its value and index:
 * not on which worker runs it, nor on how many trials run. Its randomized fields are drawn, in the file's
 * order, from the trial's own stream, labelled apart from the simulation's.
 */
export function trialsOf(experiment: Experiment, maxTrials = Number.POSITIVE_INFINITY): Trial[] {
  const count = (trials: number) => Math.min(trials, maxTrials);
  const seeds = runSeeds(experiment.seed, 0, Math.max(...experiment.values.map((v) => count(v.trials))));
  return experiment.values.flatMap((v, parameter) =>
    seeds.slice(0, count(v.trials)).map((seed, index) => {
      const draws = Rng.fromSeed(seed).forkLabelled('experiment');
      const file = valueFile(experiment, v, (r) => draws.int(r.uniform[0], r.uniform[1]));
      return {
        parameter,
        label: v.label,
        index,
        seed,
        scenario: { ...file, seed },
        measure: experiment.measure,
        untilMs: experiment.untilMs,
      };
    }),
  );
}
