import type { FactField, FactsProbe } from './factsProbe';
import { startModuleWorker } from './moduleWorker';
import { runBrowserPool } from './pool';

/**
 * Starts one experiment worker: a module worker on the page's own chunk of `experiment.worker.ts`, from a
 * one-line blob bootstrap, as the whole-run worker starts (wholeRunClient.ts): it fetches nothing twice.
 */
export async function createExperimentWorker(): Promise<Worker> {
  const { experimentModuleUrl } = await import('./experiment.worker');
  return startModuleWorker(experimentModuleUrl, 'experiment');
}

/**
 * Asks one experiment worker which numeric facts the scenario's protocol measures (factsProbe.ts). Returns
 * the answer and a way to stop asking (the worker ends at once).
 */
export function probeFactsInWorker(scenario: Readonly<Record<string, unknown>>): {
  readonly facts: Promise<FactField[]>;
  cancel(): void;
} {
  let answer: FactField[] = [];
  let isAsked = false;
  const run = runBrowserPool<FactsProbe, FactField[]>({
    create: createExperimentWorker,
    size: 1,
    next: () => {
      if (isAsked) return undefined;
      isAsked = true;
      return { kind: 'facts', scenario };
    },
    onResult: (facts) => {
      answer = facts;
      return 'stop';
    },
  });
  return { facts: run.done.then(() => answer), cancel: () => run.cancel() };
}
