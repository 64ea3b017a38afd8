import { describe, expect, it } from 'vitest';
import { cdfSvg } from './svg';
import type { ExperimentSummary, ParameterSummary } from './types';

const parameter = (label: string, values: number[], unfinished = 0): ParameterSummary => ({
  label,
  value: null,
  n: values.length + unfinished,
  unfinished,
  violations: 0,
  min: values[0] ?? null,
  median: null,
  mean: null,
  p90: null,
  p99: null,
  max: null,
  values,
});

const summary = (parameters: ParameterSummary[]): ExperimentSummary => ({
  title: 'A & B <test>',
  measure: { kind: 'milestone', from: 2, milestone: 'leader' },
  unit: 'ms',
  untilMs: 1000,
  parameters,
});

describe('cdfSvg', () => {
  it('draws one step line and one legend entry per parameter value, escaping text', () => {
    const svg = cdfSvg(summary([parameter('12-24ms', [20, 30, 30, 40]), parameter('150-300ms', [200, 400])]));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('>12-24ms</text>');
    expect(svg).toContain('A &amp; B &lt;test&gt;');
    // 20 to 400 spans more than a factor of 10: a log axis with decade ticks.
    expect(svg).toContain('(log scale)');
    expect(svg).toContain('>100</text>');
  });

  it('ends a line short of 100 % when trials never finished', () => {
    const svg = cdfSvg(summary([parameter('a', [10, 12], 2)]), { scale: 'linear', height: 420 });
    const d = /<path d="([^"]+)"/.exec(svg)?.[1] ?? '';
    // Plot top is y=44, height 320: half of the trials finished, so the line stops at y = 44 + 160.
    expect(d.endsWith('V204')).toBe(true);
    expect(svg).not.toContain('(log scale)');
  });
});
