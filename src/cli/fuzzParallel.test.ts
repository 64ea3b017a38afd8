import { describe, expect, it } from 'vitest';
import type { AnyProtocol } from '../engine/protocol';
import { getProtocol } from '../protocols';
import { fuzz, runSeeds } from './fuzz';
import { seedsAt } from './fuzzBatch';
import { fuzzParallel, fuzzSweeps, shardSize } from './fuzzParallel';

// Raft with commit-old-term, sweep seed 21: runs 10, 20 and 23 of its first 30 fail (found by the sequential sweep).
const spec = { protocol: 'raft', bug: 'commit-old-term', seed: 21, nodes: 5, untilMs: 5000, clients: 2 };
const sequential = (runs: number, stopAfter?: number) =>
  fuzz({ ...spec, protocol: getProtocol('raft') as AnyProtocol, runs, stopAfter }, getProtocol);
const plain = (result: { runs: number; events: number; failures: readonly { seed: number }[] }) => ({
  runs: result.runs,
  events: result.events,
  failures: result.failures.map((f) => JSON.parse(JSON.stringify({ ...f, index: undefined }))),
});

describe('seedsAt', () => {
  it('draws the seeds runSeeds gives the same indices', () => {
    const all = runSeeds(9, 0, 20);
    expect(seedsAt(9, [3, 4, 10, 19])).toEqual([all[3], all[4], all[10], all[19]]);
    expect(seedsAt(9, [])).toEqual([]);
  });
});

describe('shardSize', () => {
  it('splits a sweep by index mod n, every run in exactly one shard', () => {
    expect([1, 2, 3].map((k) => shardSize(10, { k, n: 3 }))).toEqual([4, 3, 3]);
    expect(shardSize(2, { k: 4, n: 4 })).toBe(0);
  });
});

describe('fuzzParallel', () => {
  const expected = sequential(30);

  it('plays the sequential sweep in this thread with one job', async () => {
    expect(expected.failures.length).toBe(3);
    const one = await fuzzParallel({ ...spec, runs: 30, jobs: 1 });
    expect(plain(one)).toEqual(plain(expected));
    expect(one.failures.map((f) => f.index)).toEqual([10, 20, 23]);
    expect(one.failures.map((f) => f.seed)).toEqual(seedsAt(spec.seed, [10, 20, 23]));
  });

  it('gives the same failures, runs and events on two worker threads', async () => {
    const two = await fuzzParallel({ ...spec, runs: 30, jobs: 2, batchSize: 3 });
    expect(plain(two)).toEqual(plain(expected));
  }, 60_000);

  it('stops at the failure of the lowest index, as the sequential sweep does', async () => {
    const first = sequential(30, 1);
    expect(first.runs).toBe(11);
    for (const jobs of [1, 2]) {
      expect(plain(await fuzzParallel({ ...spec, runs: 30, jobs, stopAfter: 1, batchSize: 4 }))).toEqual(plain(first));
    }
    const two = sequential(30, 2);
    expect(plain(await fuzzParallel({ ...spec, runs: 30, jobs: 2, stopAfter: 2 }))).toEqual(plain(two));
  }, 60_000);

  it('plays a shard: the runs of the sweep whose index is k - 1 mod n', async () => {
    const shards = await Promise.all(
      [1, 2].map((k) => fuzzParallel({ ...spec, runs: 30, jobs: 1, shard: { k, n: 2 } })),
    );
    expect(shards.map((s) => s.runs)).toEqual([15, 15]);
    expect((shards[0]?.events ?? 0) + (shards[1]?.events ?? 0)).toBe(expected.events);
    const merged = shards.flatMap((s) => s.failures).sort((a, b) => a.index - b.index);
    expect(plain({ ...expected, failures: merged })).toEqual(plain(expected));
    // Both halves find some: runs 10 and 20 are shard 1's (even indices), run 23 is shard 2's.
    expect(shards.map((s) => s.failures.map((f) => f.index))).toEqual([[10, 20], [23]]);
  });

  it('plays several sweeps on one pool, each with its own result, reported in order', async () => {
    const plans = [
      { ...spec, runs: 30, stopAfter: 1 },
      { ...spec, bug: null, runs: 6 },
      { ...spec, runs: 30, shard: { k: 2, n: 2 } },
    ];
    const done: number[] = [];
    const results = await fuzzSweeps(plans, { jobs: 2, onSweepDone: (i) => done.push(i) });
    expect(done).toEqual([0, 1, 2]);
    const alone = await Promise.all(plans.map((plan) => fuzzParallel({ ...plan, jobs: 1 })));
    expect(results.map(plain)).toEqual(alone.map(plain));
    expect(results.map((r) => r.failures.map((f) => f.index))).toEqual([[10], [], [23]]);
  }, 60_000);
});
