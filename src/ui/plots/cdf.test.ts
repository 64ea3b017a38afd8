import { describe, expect, it } from 'vitest';
import type { Face } from '../../engine/face';
import { cdfCsv } from '../../experiment/csv';
import { summarize } from '../../experiment/summary';
import type { Experiment, TrialResult } from '../../experiment/types';
import {
  axisLabel,
  cdfOf,
  cdfOfExperiment,
  cdfSummary,
  formatFigure,
  fractionAtOrBelow,
  isLogByDefault,
  quantityLabel,
} from './cdf';
import { lineLook } from './style';

/** Just what summarize reads of an experiment: its values, title, measure and end. */
const experiment = {
  title: 'Timeouts',
  values: [
    { label: '150-155 ms', value: [150, 155] },
    { label: 'b, "slow"', value: [150, 300] },
  ],
  measure: { kind: 'milestone', from: 0, milestone: 'leader' },
  untilMs: 10_000,
} as unknown as Experiment;

const result = (parameter: number, index: number, value: number | null): TrialResult => ({
  parameter,
  index,
  seed: 100 + index,
  value,
  violations: 0,
  events: 10,
});

const results = [result(1, 1, 400), result(0, 0, 287), result(1, 0, null), result(0, 1, 300), result(1, 2, 200)];
const summary = summarize(experiment, results);

describe('the CDF of an experiment', () => {
  it('has one line per parameter value, in the experiment’s order, each with the look of its place', () => {
    const cdf = cdfOf(summary, 'Time to a new leader');
    expect(cdf.lines.map((l) => l.label)).toEqual(['150-155 ms', 'b, "slow"']);
    expect(cdf.lines[1]?.values).toEqual([200, 400]);
    expect(cdf.lines[1]?.total).toBe(3);
    expect(cdf.lines[1]?.color).toBe(lineLook(1).color);
    expect(cdf.lines[0]?.dash).not.toEqual(cdf.lines[1]?.dash);
    expect(quantityLabel(cdf)).toBe('Time to a new leader (ms)');
    expect(axisLabel(cdfOf(summary, 'Time from crash n1 to a new leader', 'Time to a new leader'))).toBe(
      'Time to a new leader (ms)',
    );
  });

  it('rises by one trial’s share at each value; an unfinished trial keeps the line below 1', () => {
    const [fast, slow] = cdfOf(summary, 'x').lines;
    if (!fast || !slow) throw new Error('two lines');
    expect(fractionAtOrBelow(fast, 100)).toBe(0);
    expect(fractionAtOrBelow(fast, 287)).toBe(0.5);
    expect(fractionAtOrBelow(fast, 300)).toBe(1);
    expect(fractionAtOrBelow(slow, 10_000)).toBeCloseTo(2 / 3);
  });

  it('says a figure that falls among the unfinished trials is beyond the run’s end, and reads it aloud', () => {
    expect(formatFigure(null, 10_000, 'ms')).toBe('>10000');
    expect(formatFigure(null, 10_000, '')).toBe('–');
    expect(formatFigure(293.5, 10_000, 'ms')).toBe('293.5');
    const sentence = cdfSummary(cdfOf(summary, 'Time to a new leader'), summary);
    expect(sentence).toContain('150-155 ms: 2 trials, median 293.5');
    expect(sentence).toContain('1 unfinished');
  });

  it('reads on a log axis by default only when every value is above 0 and they span a factor of 10', () => {
    expect(isLogByDefault(cdfOf(summary, 'x'))).toBe(false);
    const wide = summarize(experiment, [result(0, 0, 20), result(1, 0, 9000)]);
    expect(isLogByDefault(cdfOf(wide, 'x'))).toBe(true);
    const withZero = summarize(experiment, [result(0, 0, 0), result(1, 0, 9000)]);
    expect(isLogByDefault(cdfOf(withZero, 'x'))).toBe(false);
  });
});

describe('the words of an experiment’s chart', () => {
  const face = { milestones: [{ kind: 'leader', shape: 'circle', word: 'new leader' }] } as unknown as Face;
  const withEvents = { ...experiment, scenario: { events: [{ at: 600, type: 'crash', node: 'n1' }] } } as Experiment;

  it('says the measure in the protocol’s words: in full for the figure, short on the axis', () => {
    const cdf = cdfOfExperiment(withEvents, summary, face);
    expect(quantityLabel(cdf)).toBe('Time from crash n1 to a new leader (ms)');
    expect(axisLabel(cdf)).toBe('Time to a new leader (ms)');
  });

  it('takes the file’s own label for its axis, unit and all', () => {
    const labelled = { ...withEvents, measure: { ...withEvents.measure, label: 'time without a leader (ms)' } };
    const cdf = cdfOfExperiment(labelled as Experiment, summary, face);
    expect(quantityLabel(cdf)).toBe('time without a leader (ms)');
    expect(axisLabel(cdf)).toBe('time without a leader (ms)');
  });
});

describe('the CSV download', () => {
  it('writes the CLI’s columns, a row a trial, by parameter value and trial, quoted as RFC 4180', () => {
    expect(cdfCsv(summary, results)).toBe(
      [
        'parameter,trial,seed,value,violations',
        '150-155 ms,0,100,287,0',
        '150-155 ms,1,101,300,0',
        '"b, ""slow""",0,100,,0',
        '"b, ""slow""",1,101,400,0',
        '"b, ""slow""",2,102,200,0',
        '',
      ].join('\n'),
    );
  });
});
