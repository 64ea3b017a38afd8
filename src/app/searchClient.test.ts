import { describe, expect, it } from 'vitest';
import type { SearchBatch, SearchTask } from './search';
import { type SearchProgress, startSearch } from './searchClient';

/**
 * A stand-in for the search worker: run i "fails" when `fails(i)`; each task answers after `delay(task)`
 * ms, so tasks can finish out of order, as they do across real workers.
 */
class FakeSearchWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor(
    private readonly fails: (index: number) => boolean,
    private readonly delay: (task: SearchTask) => number,
    private readonly seen: SearchTask[],
  ) {}
  postMessage(task: SearchTask) {
    this.seen.push(task);
    setTimeout(() => this.onmessage?.({ data: { output: this.answer(task) } } as MessageEvent), this.delay(task));
  }
  terminate() {
    this.onmessage = null;
  }
  private answer(task: SearchTask): SearchBatch {
    for (let k = 0; k < task.count; k++) {
      const index = task.from + k;
      if (this.fails(index)) {
        const violation = { invariant: 'rule', time: index, message: `run ${index}` };
        return { runs: k + 1, events: 10 * (k + 1), finding: { index, seed: index, violation, file: {} } };
      }
    }
    return { runs: task.count, events: 10 * task.count, finding: null };
  }
}

function search(options: {
  fails?: (index: number) => boolean;
  delay?: (task: SearchTask) => number;
  runs?: number | null;
  seconds?: number | null;
  clock?: () => number;
}) {
  const seen: SearchTask[] = [];
  const reports: SearchProgress[] = [];
  const run = startSearch({
    setup: { protocol: 'x' },
    sweepSeed: 1,
    untilMs: 1000,
    budget: { runs: options.runs ?? null, seconds: options.seconds ?? null },
    onProgress: (p) => reports.push(p),
    size: 3,
    batch: 4,
    clock: options.clock,
    create: async () =>
      new FakeSearchWorker(options.fails ?? (() => false), options.delay ?? (() => 0), seen) as unknown as Worker,
  });
  return { run, seen, reports };
}

describe('startSearch', () => {
  it('hands out the budget exactly, in batches, and ends exhausted', async () => {
    const { run, seen, reports } = search({ runs: 30 });
    const last = await run.done;
    expect(last).toMatchObject({ status: 'exhausted', runs: 30, events: 300, finding: null, workers: 3 });
    const covered = seen.flatMap((t) => Array.from({ length: t.count }, (_, k) => t.from + k)).sort((a, b) => a - b);
    expect(covered).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(seen.every((t) => t.count <= 4 && t.untilMs === 1000 && t.sweepSeed === 1)).toBe(true);
    expect(reports[0]?.status).toBe('running');
    expect(reports.at(-1)).toBe(last);
  });

  it('answers with the lowest failing index even when a later batch fails first', async () => {
    // Runs 9 and 14 fail; the batch holding 9 (8..11) is slow, the one holding 14 (12..15) quick.
    const { run, seen } = search({
      fails: (i) => i === 9 || i === 14,
      delay: (t) => (t.from === 8 ? 30 : 1),
    });
    const last = await run.done;
    expect(last.status).toBe('found');
    expect(last.finding?.index).toBe(9);
    // No batch started after the first finding came in, so the search ended instead of running on.
    expect(Math.max(...seen.map((t) => t.from))).toBeLessThan(40);
  });

  it('stops at the seconds budget', async () => {
    let now = 0;
    const { run } = search({ seconds: 2, clock: () => now, delay: () => 1 });
    setTimeout(() => {
      now = 2500;
    }, 20);
    const last = await run.done;
    expect(last.status).toBe('exhausted');
    expect(last.runs).toBeGreaterThan(0);
    expect(last.runsPerSecond).toBeCloseTo((last.runs * 1000) / 2500, 5);
  });

  it('Stop ends it at once, without a finding', async () => {
    const { run } = search({ delay: () => 5 });
    setTimeout(() => run.stop(), 30);
    const last = await run.done;
    expect(last.status).toBe('stopped');
    expect(last.finding).toBeNull();
  });
});
