import type { HistoryCheckReply, HistoryCheckRequest } from './historyCheck';
import { startModuleWorker } from './moduleWorker';

/**
 * Checks histories in a Web Worker, one at a time, newest first: a request made while another runs waits, and
 * is replaced by any newer one. Where there is no Worker (tests in jsdom), the check runs on the page.
 */
export class HistoryChecker {
  private worker: Worker | null = null;
  private waiting: { request: HistoryCheckRequest; done: (reply: HistoryCheckReply) => void } | null = null;
  private running: ((reply: HistoryCheckReply) => void) | null = null;

  check(request: HistoryCheckRequest): Promise<HistoryCheckReply> {
    return new Promise((done) => {
      this.waiting = { request, done };
      this.next();
    });
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private next(): void {
    if (this.running !== null || this.waiting === null) return;
    const { request, done } = this.waiting;
    this.waiting = null;
    this.running = done;
    const finish = (reply: HistoryCheckReply) => {
      this.running = null;
      done(reply);
      this.next();
    };
    if (typeof Worker === 'undefined') {
      void import('./historyCheck').then(({ runHistoryCheck }) => runHistoryCheck(request).then(finish));
      return;
    }
    void this.started().then(
      (worker) => {
        worker.onmessage = (event: MessageEvent<HistoryCheckReply>) => finish(event.data);
        worker.onerror = () => finish({ key: request.key, kind: 'error', message: 'the checker stopped' });
        worker.postMessage(request);
      },
      () => finish({ key: request.key, kind: 'error', message: 'the checker could not start' }),
    );
  }

  /**
   * A module worker on the page's own chunk of historyCheck.worker.ts, from a one-line bootstrap (as
   * wholeRunClient.ts does): a worker bundle of its own would fetch the checker, zod and the engine again.
   */
  private async started(): Promise<Worker> {
    if (this.worker !== null) return this.worker;
    const { historyCheckModuleUrl } = await import('./historyCheck.worker');
    this.worker = startModuleWorker(historyCheckModuleUrl, 'history-check');
    return this.worker;
  }
}
