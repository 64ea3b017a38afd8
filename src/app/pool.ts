/**
 * A pool of Web Workers for work the page must not wait on (a counterexample search, an experiment): each
 * worker gets its next task as it answers the last, so the page thread only posts and receives. The
 * worker side is `serveTasks`. Protocol-free: a task is plain data in, plain data out.
 */
export interface BrowserPoolOptions<I, O> {
  /** Starts one worker (wholeRunClient.ts's blob bootstrap, say). */
  readonly create: () => Promise<Worker>;
  /** Workers to start [the machine's cores]. */
  readonly size?: number;
  /** The next task, or undefined when there is none (a source may be endless). */
  readonly next: () => I | undefined;
  /** Each output as it arrives; return 'stop' to hand out no more tasks. */
  readonly onResult: (output: O, input: I) => 'stop' | undefined;
}

export interface PoolRun {
  /** Stops handing out tasks and ends the workers at once; `done` then resolves. */
  cancel(): void;
  /** Resolves when every worker is idle and gone; rejects with a worker's error. */
  readonly done: Promise<void>;
}

type Reply<O> = { readonly output: O } | { readonly error: string };

export const poolSize = (): number =>
  Math.max(1, Math.min(8, (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 2));

export function runBrowserPool<I, O>(options: BrowserPoolOptions<I, O>): PoolRun {
  const workers: Worker[] = [];
  let isStopped = false;
  let settle: { resolve: () => void; reject: (e: Error) => void } | null = null;
  const done = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  let busy = 0;
  const end = (error?: Error) => {
    isStopped = true;
    for (const w of workers.splice(0)) w.terminate();
    if (error) settle?.reject(error);
    else settle?.resolve();
    settle = null;
  };
  const serve = (worker: Worker) => {
    let input: I | undefined;
    const feed = () => {
      input = isStopped ? undefined : options.next();
      if (input === undefined) {
        if (busy === 0) end();
        return;
      }
      busy++;
      worker.postMessage(input);
    };
    worker.onmessage = (event: MessageEvent<Reply<O>>) => {
      busy--;
      const reply = event.data;
      if ('error' in reply) {
        end(new Error(reply.error));
        return;
      }
      if (!isStopped && options.onResult(reply.output, input as I) === 'stop') isStopped = true;
      feed();
    };
    worker.onerror = (event) => end(new Error(event.message || 'a worker failed to start'));
    feed();
  };
  const size = options.size ?? poolSize();
  for (let i = 0; i < size; i++) {
    void options.create().then(
      (worker) => {
        if (isStopped) {
          worker.terminate();
          return;
        }
        workers.push(worker);
        serve(worker);
      },
      (error: unknown) => end(error instanceof Error ? error : new Error(String(error))),
    );
  }
  return { cancel: () => end(), done };
}

/** The worker's side: answers each posted task with `handle`'s output, or with the error it threw. */
export function serveTasks<I, O>(scope: DedicatedWorkerGlobalScope, handle: (input: I) => O | Promise<O>): void {
  scope.onmessage = async (event: MessageEvent<I>) => {
    try {
      scope.postMessage({ output: await handle(event.data) });
    } catch (error) {
      scope.postMessage({ error: error instanceof Error ? error.message : String(error) });
    }
  };
}
