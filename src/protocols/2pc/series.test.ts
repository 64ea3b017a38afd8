import { describe, expect, it } from 'vitest';
import { runScenario } from '../../scenario/run';
import { preset } from '../../testing/scenarios';
import { getProtocol } from '..';

describe('2pc series: transactions decided', () => {
  it('counts nothing before t1 begins and one decision once the coordinator has logged it', () => {
    const { summary } = runScenario(preset('2pc/committed'), getProtocol);
    const decided = summary.series?.decided ?? [];
    expect(decided[0]).toEqual([0, 0]);
    expect(decided.find(([t]) => t === 500)?.[1]).toBe(0);
    expect(decided.at(-1)?.[1]).toBeGreaterThanOrEqual(1);
  });

  it('stays flat while the coordinator is down and t1 is blocked, and counts the abort after its restart', () => {
    // n1 crashes at 505 ms with t1 begun and no decision logged, and restarts at 3000 ms (presumed abort).
    const { summary } = runScenario(preset('2pc/coordinator-crash-blocks'), getProtocol);
    const decided = summary.series?.decided ?? [];
    const during = decided.filter(([t]) => t >= 600 && t < 3000).map(([, v]) => v);
    expect(during.length).toBeGreaterThan(20);
    expect(new Set(during)).toEqual(new Set([0]));
    expect(decided.at(-1)).toEqual([4000, 1]);
  });
});
