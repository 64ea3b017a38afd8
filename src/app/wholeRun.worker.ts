/// <reference lib="webworker" />
import { loadWholeRunProtocol, playWholeRun, type WholeRunRequest } from './wholeRun';

/**
 * The whole-run Web Worker's side (DESIGN.md, "Performance budget"): file text in; progress, then the
 * markers of the whole run, its trace hash and how far it went, out. A newer request replaces the one in
 * progress at the next slice. The page starts the worker on this very module (`wholeRunClient.ts`), so
 * the worker imports the page's own chunks (engine, protocols) from the cache instead of fetching a
 * second copy of them. In the page, importing it only tells its address; in a worker, it serves.
 */
export const wholeRunModuleUrl = import.meta.url;

function serveWholeRun(scope: DedicatedWorkerGlobalScope): void {
  let latest: WholeRunRequest | null = null;
  let isRunning = false;

  const run = async (): Promise<void> => {
    isRunning = true;
    while (latest) {
      const request: WholeRunRequest = latest;
      latest = null;
      await loadWholeRunProtocol(request);
      if (latest) continue;
      for (const reply of playWholeRun(request)) {
        scope.postMessage(reply);
        // Let a newer request in between slices.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (latest) break;
      }
    }
    isRunning = false;
  };

  scope.onmessage = (event: MessageEvent<WholeRunRequest>) => {
    latest = event.data;
    if (!isRunning) void run();
  };
}

if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  serveWholeRun(self as unknown as DedicatedWorkerGlobalScope);
}
