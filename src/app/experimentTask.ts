import { loadTrialProtocol, runSeedTrial, type SeedTrialTask, type TrialMeasures } from './seedTrial';

/** One task for an experiment worker: plain data in (`TrialMeasures` out), whichever worker plays it. */
export type ExperimentTask = SeedTrialTask;

/** The worker's side of one task: loads what it needs, plays the trial, returns its measures. */
export async function runExperimentTask(task: ExperimentTask): Promise<TrialMeasures> {
  switch (task.kind) {
    case 'seed':
      await loadTrialProtocol(task);
      return runSeedTrial(task);
    default: {
      const never: never = task.kind;
      throw new Error(`unknown experiment task ${String(never)}`);
    }
  }
}
