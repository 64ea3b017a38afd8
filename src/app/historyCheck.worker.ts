/// <reference lib="webworker" />
import { type HistoryCheckRequest, runHistoryCheck } from './historyCheck';

/**
 * The history checker's Web Worker (issue 11): a search may take a second on a long history, and the page must
 * keep playing meanwhile. A request in, its verdict out; the client keeps only the answer to its latest
 * request. Like the whole-run worker, the page starts it on this very module (historyCheckClient.ts), so it
 * runs the page's own chunks instead of a bundle of its own; in the page, importing it only tells its address.
 */
export const historyCheckModuleUrl = import.meta.url;

if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  scope.onmessage = async (event: MessageEvent<HistoryCheckRequest>) => {
    scope.postMessage(await runHistoryCheck(event.data));
  };
}
