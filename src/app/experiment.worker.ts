/// <reference lib="webworker" />
import { runTrialLoading } from '../experiment/load';
import type { Trial } from '../experiment/types';
import { serveTasks } from './pool';

/**
 * An experiment's Web Worker (one of a pool, pool.ts): a trial in (experiment/trials.ts), its result out
 * (experiment/run.ts), with the protocol it names loaded first. The page starts it on this very module
 * (experimentClient.ts), so the worker shares the page's chunks; in the page, importing it only tells its address.
 */
export const experimentModuleUrl = import.meta.url;

if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  serveTasks(self as unknown as DedicatedWorkerGlobalScope, (trial: Trial) => runTrialLoading(trial));
}
