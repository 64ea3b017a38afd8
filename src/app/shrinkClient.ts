import { startModuleWorker } from './moduleWorker';
import type { SearchFinding } from './search';
import type { ShrinkReply, ShrinkRequest } from './shrink.worker';
import type { ShrunkFinding } from './shrinkFinding';

export interface ShrinkRun {
  /** Ends the shrink at once: `done` resolves with null. */
  stop(): void;
  /** The shrunk finding; null when stopped; rejects with the worker's error. */
  readonly done: Promise<ShrunkFinding | null>;
}

/** Shrinks a counterexample in a Web Worker of its own (shrink.worker.ts); `onProgress` hears runs and inputs. */
export function startShrink(
  finding: SearchFinding,
  untilMs: number,
  onProgress: (runs: number, inputs: number) => void,
  create: () => Promise<Worker> = createShrinkWorker,
): ShrinkRun {
  let worker: Worker | null = null;
  let isStopped = false;
  let settle: ((result: ShrunkFinding | null) => void) | null = null;
  let fail: ((error: Error) => void) | null = null;
  const done = new Promise<ShrunkFinding | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const end = () => {
    worker?.terminate();
    worker = null;
  };
  void create().then(
    (created) => {
      if (isStopped) {
        created.terminate();
        return;
      }
      worker = created;
      worker.onmessage = (event: MessageEvent<ShrinkReply>) => {
        const reply = event.data;
        if (reply.kind === 'progress') onProgress(reply.runs, reply.inputs);
        else {
          end();
          if (reply.kind === 'done') settle?.(reply.result);
          else fail?.(new Error(reply.message));
        }
      };
      worker.onerror = (event) => {
        end();
        fail?.(new Error(event.message || 'the shrink worker failed to start'));
      };
      const request: ShrinkRequest = { finding, untilMs };
      worker.postMessage(request);
    },
    (error: unknown) => fail?.(error instanceof Error ? error : new Error(String(error))),
  );
  return {
    stop: () => {
      isStopped = true;
      end();
      settle?.(null);
    },
    done,
  };
}

async function createShrinkWorker(): Promise<Worker> {
  const { shrinkModuleUrl } = await import('./shrink.worker');
  return startModuleWorker(shrinkModuleUrl, 'counterexample-shrink');
}
