/// <reference lib="webworker" />
import { runTrialLoading } from '../experiment/load';
import type { Trial, TrialResult } from '../experiment/types';
import { type FactField, type FactsProbe, probeFacts } from './factsProbe';
import { serveTasks } from './pool';

/**
 * An experiment's Web Worker (one of a pool, pool.ts): a trial in (experiment/trials.ts), its result out
 * (experiment/run.ts), with the protocol it names loaded first; or a facts probe in, the run's numeric facts out. The page starts it on this very module
 * (experimentClient.ts), so the worker shares the page's chunks; in the page, importing it only tells its address.
 */
export const experimentModuleUrl = import.meta.url;

if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  serveTasks<Trial | FactsProbe, TrialResult | FactField[]>(self as unknown as DedicatedWorkerGlobalScope, (task) =>
    'kind' in task && task.kind === 'facts' ? probeFacts(task) : runTrialLoading(task as Trial),
  );
}
