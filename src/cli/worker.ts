import { parentPort } from 'node:worker_threads';
import { WORKER_TASKS, type WorkerTaskKind } from './workerTasks';

/** A runner worker thread (pool.ts): `{ id, kind, input }` in, `{ id, output }` or `{ id, error }` out. */
const port = parentPort;
if (port) {
  port.on('message', async (message: { id: number; kind: WorkerTaskKind; input: never }) => {
    try {
      const output = await WORKER_TASKS[message.kind](message.input);
      port.postMessage({ id: message.id, output });
    } catch (error) {
      port.postMessage({
        id: message.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  });
}
