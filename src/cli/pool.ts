import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type TaskInput, type TaskOutput, WORKER_TASKS, type WorkerTaskKind } from './workerTasks';

export interface PoolOptions<K extends WorkerTaskKind> {
  readonly kind: K;
  /** Worker threads; 1 runs every task in this thread, with no worker at all. */
  readonly jobs: number;
  /** The next task's input, or undefined when there is none: a source may be endless (a search). */
  readonly next: () => TaskInput<K> | undefined;
  /** Each output as it arrives, in completion order; return 'stop' to hand out no more tasks. */
  readonly onResult: (output: TaskOutput<K>, input: TaskInput<K>) => 'stop' | undefined;
}

/** The machine's cores: the default for `--jobs`. */
export const defaultJobs = (): number => availableParallelism();

/**
 * Where the worker's code is: beside this module, as TypeScript when the runner runs from source (tsx,
 * Vitest) and as the bundle's `worker.mjs` when it runs built.
 */
function workerUrl(): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(fromSource ? './worker.ts' : './worker.mjs', import.meta.url);
}

function startWorker(): Worker {
  const url = workerUrl();
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  // From source, the worker registers tsx itself: Node 20 does not pass `--import tsx` on to a worker's loader.
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true });
}

/**
 * Runs tasks on `jobs` worker threads (worker.ts), feeding each worker its next task as it finishes one.
 * Rejects with the first task's error; resolves when every handed-out task has answered.
 */
export async function runPool<K extends WorkerTaskKind>(options: PoolOptions<K>): Promise<void> {
  const { kind, next, onResult } = options;
  if (options.jobs <= 1) {
    const task = WORKER_TASKS[kind] as (input: TaskInput<K>) => TaskOutput<K> | Promise<TaskOutput<K>>;
    for (let input = next(); input !== undefined; input = next()) {
      if (onResult(await task(input), input) === 'stop') break;
    }
    return;
  }
  const workers = Array.from({ length: options.jobs }, startWorker);
  let isStopped = false;
  let taskId = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let input: TaskInput<K> | undefined;
            const feed = () => {
              input = isStopped ? undefined : next();
              if (input === undefined) resolve();
              else worker.postMessage({ id: taskId++, kind, input });
            };
            worker.on('message', (reply: { output?: TaskOutput<K>; error?: string }) => {
              if (reply.error !== undefined) {
                isStopped = true;
                reject(new Error(`a ${kind} worker failed: ${reply.error}`));
                return;
              }
              if (onResult(reply.output as TaskOutput<K>, input as TaskInput<K>) === 'stop') isStopped = true;
              feed();
            });
            worker.on('error', (error) => {
              isStopped = true;
              reject(error);
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
