/// <reference lib="webworker" />
import { type HistoryCheckRequest, runHistoryCheck } from './historyCheck';

/**
 * The history checker's Web Worker (issue 11): a search may take a second on a long history, and the page must
 * keep playing meanwhile. A request in, its verdict out; a newer request makes an older answer moot (the
 * client keeps only the latest key).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<HistoryCheckRequest>) => {
  scope.postMessage(await runHistoryCheck(event.data));
};
