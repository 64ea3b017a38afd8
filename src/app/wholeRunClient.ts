import { startModuleWorker } from './moduleWorker';
import type { Store } from './store';
import type { WholeRunReply } from './wholeRun';

/** Waits this long after the run's inputs change before asking again: a burst of clicks asks once. */
const SETTLE_MS = 150;

/**
 * A module worker on the page's own chunk of `wholeRun.worker.ts`: a one-line bootstrap from a blob, so
 * the worker shares every module (engine, protocols, zod, xstate) the page has already fetched. A
 * worker bundle of its own would fetch all of them a second time (DESIGN.md, "Performance budget").
 */
async function createWorker(): Promise<Worker> {
  const { wholeRunModuleUrl } = await import('./wholeRun.worker');
  return startModuleWorker(wholeRunModuleUrl, 'whole-run');
}

/**
 * Keeps the store's whole-run view (timeline shape, fingerprint) current: whenever the run's inputs
 * change, it sends the run as a scenario file to a Web Worker, which plays it to its end with the same
 * engine. Returns a function that stops it.
 */
export function startWholeRun(store: Store): () => void {
  if (typeof Worker === 'undefined') return () => {};
  let worker: Worker | null = null;
  let isStopped = false;
  const pending: { key: string; fileText: string }[] = [];
  const post = (request: { key: string; fileText: string }) => {
    if (worker) worker.postMessage(request);
    else pending.splice(0, pending.length, request);
  };
  void createWorker().then(
    (created) => {
      if (isStopped) {
        created.terminate();
        return;
      }
      worker = created;
      worker.onmessage = onReply;
      for (const request of pending.splice(0)) worker.postMessage(request);
    },
    // Without the worker the timeline shows what the run has computed so far: nothing else breaks.
    () => {},
  );
  let sentKey: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const onReply = (event: MessageEvent<WholeRunReply>) => {
    const reply = event.data;
    if (reply.kind === 'error') return;
    const previous = store.currentWholeRun();
    if (reply.kind === 'over-budget') {
      const { key, horizonMs, message } = reply;
      store.setWholeRun({
        key,
        horizonMs,
        doneMs: horizonMs,
        isDone: true,
        markers: previous?.markers ?? [],
        traceHash: null,
        problem: message,
      });
      return;
    }
    store.setWholeRun({
      key: reply.key,
      horizonMs: reply.horizonMs,
      doneMs: reply.kind === 'done' ? reply.horizonMs : reply.doneMs,
      isDone: reply.kind === 'done',
      markers: reply.kind === 'done' ? reply.markers : (previous?.markers ?? []),
      traceHash: reply.kind === 'done' ? reply.traceHash : null,
    });
  };

  const check = () => {
    const key = store.runKey();
    if (key === sentKey) return;
    sentKey = key;
    clearTimeout(timer);
    timer = setTimeout(() => {
      sentKey = store.runKey();
      post({ key: sentKey, fileText: store.fileText() });
    }, SETTLE_MS);
  };
  const unsubscribe = store.subscribe(check);
  check();
  return () => {
    unsubscribe();
    clearTimeout(timer);
    isStopped = true;
    worker?.terminate();
  };
}
