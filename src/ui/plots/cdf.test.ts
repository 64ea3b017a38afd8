import { describe, expect, it } from 'vitest';
import { cdfOf, fractionAtOrBelow, median, quantile, statsOf, stepPoints, type TrialValue } from './cdf';
import { cdfCsv } from './cdfCsv';
import { cdfSvg, niceTicks } from './cdfSvg';
import { lineLook } from './style';

const trials = (parameter: string, values: readonly (number | null)[]): TrialValue[] =>
  values.map((value, trial) => ({ parameter, trial, value }));

describe('a CDF of trial values', () => {
  it('makes one sorted line per parameter value, in the experiment’s order, each with its own look', () => {
    const cdf = cdfOf('Time to new leader', 'ms', [...trials('b', [30, 10, null]), ...trials('a', [5])], ['a', 'b']);
    expect(cdf.lines.map((l) => l.label)).toEqual(['a', 'b']);
    expect(cdf.lines[1]?.values).toEqual([10, 30]);
    expect(cdf.lines[1]?.missing).toBe(1);
    expect(cdf.lines[1]?.color).toBe(lineLook(1).color);
    expect(cdf.lines[0]?.dash).not.toEqual(cdf.lines[1]?.dash);
  });

  it('states n, median, mean, p99 and max; a line without values says so', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const s = statsOf({ label: 'x', values, missing: 0 });
    expect(s).toMatchObject({ n: 100, median: 50.5, mean: 50.5, p99: 99, max: 100 });
    expect(statsOf({ label: 'none', values: [], missing: 3 })).toMatchObject({
      n: 0,
      missing: 3,
      median: null,
      mean: null,
      p99: null,
      max: null,
    });
    expect(median([1, 2, 9])).toBe(2);
    expect(quantile([4], 0.99)).toBe(4);
  });

  it('rises by one trial’s share at each value and counts trials that measured nothing in the total', () => {
    const line = { values: [10, 20, 20, 40], missing: 1 };
    expect(fractionAtOrBelow(line, 5)).toBe(0);
    expect(fractionAtOrBelow(line, 20)).toBe(0.6);
    expect(fractionAtOrBelow(line, 99)).toBe(0.8);
    expect(stepPoints(line)).toEqual([
      [10, 0],
      [10, 0.2],
      [20, 0.2],
      [20, 0.6],
      [40, 0.6],
      [40, 0.8],
    ]);
    expect(stepPoints({ values: [], missing: 2 })).toEqual([]);
  });
});

describe('the CSV export', () => {
  it('writes parameter, trial and value a row, in the parameters’ order and by trial, quoting as RFC 4180', () => {
    const values: TrialValue[] = [
      { parameter: 'b, slow', trial: 1, value: 7.5 },
      { parameter: 'a', trial: 0, value: null },
      { parameter: 'b, slow', trial: 0, value: 3 },
    ];
    expect(cdfCsv(values, ['a', 'b, slow'])).toBe('parameter,trial,value\na,0,\n"b, slow",0,3\n"b, slow",1,7.5\n');
  });
});

describe('the SVG export', () => {
  const cdf = cdfOf(
    'Time <to> leader',
    'ms',
    [...trials('150-155 ms', [150, 287, 300]), ...trials('12-24 ms', [35])],
    ['150-155 ms', '12-24 ms'],
  );
  const svg = cdfSvg(cdf);

  it('is a standalone SVG document with a step path and a legend entry per line, texts escaped', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<path d="M[^"]*" fill="none" stroke="#[0-9a-f]+" stroke-width="2.5"/g)).toHaveLength(2);
    expect(svg).toContain('>150-155 ms</text>');
    expect(svg).toContain('>12-24 ms</text>');
    expect(svg).toContain('Time &lt;to&gt; leader (ms)');
    expect(svg).not.toContain('<to>');
    expect(svg).toContain('Cumulative fraction of trials');
    // The second line is dashed, as on screen.
    expect(svg).toContain(`stroke-dasharray="${lineLook(1).dash.join(' ')}"`);
  });

  it('draws the lines inside the plotting area: the largest value on the last tick or before it', () => {
    const xs = [...svg.matchAll(/<path d="([^"]*)" fill="none" stroke="#[0-9a-f]+" stroke-width="2.5"/g)].flatMap((m) =>
      [...(m[1] as string).matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((p) => Number(p[1])),
    );
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(72);
    expect(Math.max(...xs)).toBeLessThanOrEqual(960 - 140 - 16);
  });

  it('ticks at round steps', () => {
    expect(niceTicks(0, 513)).toEqual([0, 100, 200, 300, 400, 500, 600]);
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
