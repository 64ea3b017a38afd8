import { describe, expect, it } from 'vitest';
import { quantile, summarize } from './summary';
import type { Experiment, TrialResult } from './types';

const experiment = {
  title: 't',
  description: '',
  seed: 1,
  protocol: 'raft',
  scenario: {},
  path: 'x',
  values: [
    { label: 'a', value: 1, trials: 5, set: [], randomize: [] },
    { label: 'b', value: 2, trials: 4, set: [], randomize: [] },
  ],
  measure: { kind: 'milestone', from: 0, milestone: 'leader' },
  untilMs: 1000,
} satisfies Experiment;

const result = (parameter: number, index: number, value: number | null): TrialResult => ({
  parameter,
  index,
  seed: index,
  value,
  violations: 0,
  events: 1,
});

describe('summarize', () => {
  it('gives n, min, median, mean, p90, p99, max and the sorted values of each parameter value', () => {
    const results = [40, 10, 30, 20, 50].map((v, i) => result(0, i, v));
    const [a] = summarize(experiment, results).parameters;
    expect(a).toMatchObject({ label: 'a', n: 5, unfinished: 0, min: 10, median: 30, mean: 30, max: 50 });
    expect(a?.p90).toBeCloseTo(46);
    expect(a?.p99).toBeCloseTo(49.6);
    expect(a?.values).toEqual([10, 20, 30, 40, 50]);
  });

  it('counts unfinished trials above every value: the figures that fall among them are null', () => {
    const results = [result(1, 0, 5), result(1, 1, null), result(1, 2, 7), result(1, 3, null)];
    const b = summarize(experiment, results).parameters[1];
    expect(b).toMatchObject({ n: 4, unfinished: 2, min: 5, mean: null, max: null, p90: null, values: [5, 7] });
    // Rank 1.5 of [5, 7, +inf, +inf] lies between 7 and an unfinished trial.
    expect(b?.median).toBeNull();
    expect(quantile([5, 7], 4, 1 / 3)).toBe(7);
  });

  it('gives empty figures for a value with no results', () => {
    const a = summarize(experiment, []).parameters[0];
    expect(a).toMatchObject({ n: 0, min: null, median: null, mean: null, max: null, values: [] });
  });
});
