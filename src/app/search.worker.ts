/// <reference lib="webworker" />
import { getProtocol, loadProtocol } from '../protocols';
import { serveTasks } from './pool';
import { type SearchBatch, type SearchTask, searchBatch } from './search';

/**
 * The counterexample search's Web Worker (search.ts does the work): a batch of sweep runs in, what they
 * found out. The page starts it on this very module (searchClient.ts), as it does the whole-run worker,
 * so it runs the page's own chunks of the engine and the protocols instead of fetching them again.
 */
export const searchModuleUrl = import.meta.url;

if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  serveTasks<SearchTask, SearchBatch>(self as unknown as DedicatedWorkerGlobalScope, async (task) => {
    await loadProtocol(String(task.setup.protocol));
    return searchBatch(task, getProtocol);
  });
}
