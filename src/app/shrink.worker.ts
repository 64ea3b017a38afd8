/// <reference lib="webworker" />
import { getProtocol, loadProtocol } from '../protocols';
import type { SearchFinding } from './search';
import { type ShrunkFinding, shrinkFinding } from './shrinkFinding';

export interface ShrinkRequest {
  readonly finding: SearchFinding;
  readonly untilMs: number;
}

export type ShrinkReply =
  | { readonly kind: 'progress'; readonly runs: number; readonly inputs: number }
  | { readonly kind: 'done'; readonly result: ShrunkFinding }
  | { readonly kind: 'error'; readonly message: string };

/** How often the worker tells the page how far the shrink has got, in runs. */
const PROGRESS_EVERY_RUNS = 5;

/**
 * The counterexample's shrink, in a Web Worker of its own (shrinkFinding.ts does the work): one finding
 * in; progress, then the shrunk finding, out. Started on the page's own chunk as search.worker.ts is.
 */
export const shrinkModuleUrl = import.meta.url;

if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const post = (reply: ShrinkReply) => scope.postMessage(reply);
  scope.onmessage = async (event: MessageEvent<ShrinkRequest>) => {
    const { finding, untilMs } = event.data;
    try {
      await loadProtocol(String(finding.file.protocol));
      const result = shrinkFinding(finding, getProtocol, untilMs, (runs, inputs) => {
        if (runs % PROGRESS_EVERY_RUNS === 0) post({ kind: 'progress', runs, inputs });
      });
      post({ kind: 'done', result });
    } catch (error) {
      post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
