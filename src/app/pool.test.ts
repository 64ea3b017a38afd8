import { describe, expect, it } from 'vitest';
import { runBrowserPool } from './pool';

/** A stand-in for a Web Worker that doubles each task on the next tick. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  isTerminated = false;
  postMessage(input: number) {
    setTimeout(() => {
      if (!this.isTerminated)
        this.onmessage?.({ data: input < 0 ? { error: 'negative' } : { output: input * 2 } } as MessageEvent);
    }, 0);
  }
  terminate() {
    this.isTerminated = true;
  }
}

const pool = (inputs: number[], stopAt?: number) => {
  let i = 0;
  const seen: [number, number][] = [];
  const made: FakeWorker[] = [];
  const run = runBrowserPool<number, number>({
    size: 3,
    create: async () => {
      const w = new FakeWorker();
      made.push(w);
      return w as unknown as Worker;
    },
    next: () => inputs[i++],
    onResult: (output, input) => {
      seen.push([input, output]);
      return input === stopAt ? 'stop' : undefined;
    },
  });
  return { run, seen, made };
};

describe('runBrowserPool', () => {
  it('answers every task and ends its workers', async () => {
    const { run, seen, made } = pool([1, 2, 3, 4, 5, 6, 7]);
    await run.done;
    expect(seen.sort((a, b) => a[0] - b[0])).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => [n, 2 * n]));
    expect(made.every((w) => w.isTerminated)).toBe(true);
  });

  it('hands out no more after a stop, and cancel ends at once', async () => {
    const stopped = pool([1, 2, 3, 4, 5, 6, 7, 8, 9], 1);
    await stopped.run.done;
    expect(stopped.seen.length).toBeLessThanOrEqual(3);
    let n = 0;
    const endless = pool([]);
    const run = runBrowserPool<number, number>({
      size: 2,
      create: async () => new FakeWorker() as unknown as Worker,
      next: () => n++,
      onResult: () => undefined,
    });
    setTimeout(() => run.cancel(), 5);
    await run.done;
    await endless.run.done;
    expect(n).toBeGreaterThan(0);
  });

  it("rejects with a worker's error", async () => {
    const { run } = pool([1, -1, 2]);
    await expect(run.done).rejects.toThrow('negative');
  });
});
