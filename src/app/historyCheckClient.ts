import type { HistoryCheckReply, HistoryCheckRequest } from './historyCheck';

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
    if (this.worker === null) {
      this.worker = new Worker(new URL('./historyCheck.worker.ts', import.meta.url), {
        type: 'module',
        name: 'history-check',
      });
    }
    this.worker.onmessage = (event: MessageEvent<HistoryCheckReply>) => finish(event.data);
    this.worker.onerror = () => finish({ key: request.key, kind: 'error', message: 'the checker stopped' });
    this.worker.postMessage(request);
  }
}
