import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

const draws = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.uint32());

describe('Rng', () => {
  it('gives the same sequence for the same seed, and resumes from its state', () => {
    const a = Rng.fromSeed(42);
    const b = Rng.fromSeed(42);
    expect(draws(a, 10)).toEqual(draws(b, 10));
    const resumed = Rng.fromState(a.state());
    expect(draws(resumed, 10)).toEqual(draws(a, 10));
  });

  it('forks streams that do not move when another stream is drawn from', () => {
    const root = Rng.fromSeed(7);
    const expected = draws(root.fork(2), 5);
    const network = root.fork(0);
    draws(network, 1000);
    expect(draws(root.fork(2), 5)).toEqual(expected);
    expect(draws(root.fork(1), 5)).not.toEqual(expected);
  });

  it('forks a labelled stream that depends on seed and label, and shifts no numbered fork', () => {
    const root = Rng.fromSeed(7);
    const before = draws(root.fork(0), 5);
    const workload = draws(root.forkLabelled('workload'), 5);
    expect(draws(Rng.fromSeed(7).forkLabelled('workload'), 5)).toEqual(workload);
    expect(draws(root.fork(0), 5)).toEqual(before);
    expect(workload).not.toEqual(before);
    expect(draws(root.forkLabelled('other'), 5)).not.toEqual(workload);
    expect(draws(Rng.fromSeed(8).forkLabelled('workload'), 5)).not.toEqual(workload);
  });

  it('draws integers within inclusive bounds', () => {
    const rng = Rng.fromSeed(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });
});
