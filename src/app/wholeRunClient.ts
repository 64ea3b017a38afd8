import type { Store } from './store';
import type { WholeRunReply } from './wholeRun';

/** Waits this long after the run's inputs change before asking again: a burst of clicks asks once. */
const SETTLE_MS = 150;

/**
 * Keeps the store's whole-run view (timeline shape, fingerprint) current: whenever the run's inputs
 * change, it sends the run as a scenario file to a Web Worker, which plays it to its end with the same
 * engine. Returns a function that stops it.
 */
export function startWholeRun(store: Store): () => void {
  if (typeof Worker === 'undefined') return () => {};
  const worker = new Worker(new URL('./wholeRun.worker.ts', import.meta.url), { type: 'module' });
  let sentKey: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  worker.onmessage = (event: MessageEvent<WholeRunReply>) => {
    const reply = event.data;
    if (reply.kind === 'error') return;
    const previous = store.currentWholeRun();
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
      worker.postMessage({ key: sentKey, fileText: store.fileText() });
    }, SETTLE_MS);
  };
  const unsubscribe = store.subscribe(check);
  check();
  return () => {
    unsubscribe();
    clearTimeout(timer);
    worker.terminate();
  };
}
