import { describe, expect, it } from 'vitest';
import { runPool } from './pool';

const squares = async (jobs: number, stopAt?: number) => {
  const inputs = [1, 2, 3, 4, 5, 6, 7, 8];
  let i = 0;
  const seen = new Map<number, number>();
  await runPool({
    kind: 'square',
    jobs,
    next: () => inputs[i++],
    onResult: (output, input) => {
      seen.set(input, output);
      return input === stopAt ? 'stop' : undefined;
    },
  });
  return seen;
};

describe('runPool', () => {
  it('gives every task its output, in this thread with one job', async () => {
    const seen = await squares(1);
    expect([...seen]).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, n * n]));
  });

  it('gives the same outputs on two worker threads', async () => {
    const seen = await squares(2);
    expect([...seen].sort((a, b) => a[0] - b[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, n * n]));
  }, 30_000);

  it('hands out no more tasks after a stop', async () => {
    expect([...(await squares(1, 3)).keys()]).toEqual([1, 2, 3]);
    // Two workers: a task already in flight still answers, but nothing new is handed out after the stop.
    let i = 0;
    let isStopped = false;
    let askedAfterStop = 0;
    await runPool({
      kind: 'square',
      jobs: 2,
      next: () => {
        if (isStopped) askedAfterStop++;
        return i < 8 ? ++i : undefined;
      },
      onResult: () => {
        isStopped = true;
        return 'stop';
      },
    });
    expect(askedAfterStop).toBe(0);
    expect(i).toBeLessThanOrEqual(2);
  }, 30_000);
});
