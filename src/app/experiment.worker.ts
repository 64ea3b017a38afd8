/// <reference lib="webworker" />
import { type ExperimentTask, runExperimentTask } from './experimentTask';
import { serveTasks } from './pool';

/**
 * An experiment's Web Worker (one of a pool, pool.ts): a planned trial in (experimentSession.ts), its measures out. The page starts it on this
 * very module (experimentClient.ts), so the worker shares the page's chunks; in the page, importing it only
 * tells its address.
 */
export const experimentModuleUrl = import.meta.url;

if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  serveTasks(self as unknown as DedicatedWorkerGlobalScope, (planned: { readonly task: ExperimentTask }) =>
    runExperimentTask(planned.task),
  );
}
