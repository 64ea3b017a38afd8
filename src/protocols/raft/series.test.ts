import { describe, expect, it } from 'vitest';
import { runScenario } from '../../scenario/run';
import { preset } from '../../testing/scenarios';
import { getProtocol } from '..';

/** Raft's plotted numbers tell the story of a leader crash as a student reads it off the chart. */
describe('raft series: term and commitIndex per server', () => {
  const { sim, summary } = runScenario(preset('raft/leader-crash'), getProtocol);
  const series = summary.series ?? {};
  const at = (name: string, t: number) => series[name]?.find(([time]) => time === t)?.[1];
  const crashed = sim.trace.find((r) => r.kind === 'fault' && r.type === 'crash') as { node: string } | undefined;
  const others = sim.nodeIds().filter((id) => id !== crashed?.node);

  it('has one term and one commitIndex line for every server', () => {
    expect(Object.keys(series).sort()).toEqual(
      sim
        .nodeIds()
        .flatMap((id) => [`commitIndex.${id}`, `term.${id}`])
        .sort(),
    );
  });

  it('shows the crashed leader as a gap, and a higher term on the others after the new election', () => {
    expect(crashed).toBeDefined();
    const before = at(`term.${others[0]}`, 1400) as number;
    expect(at(`term.${crashed?.node}`, 2000)).toBeNull();
    for (const id of others) expect(at(`term.${id}`, 2900)).toBeGreaterThan(before);
  });

  it('shows x=1 committed before the crash and y=2 after it, the servers’ commit index never going back', () => {
    const leaderAfter = others.find((id) => (at(`commitIndex.${id}`, 2900) ?? 0) >= 2);
    expect(leaderAfter).toBeDefined();
    expect(at(`commitIndex.${crashed?.node}`, 1400)).toBe(1);
    for (const id of others) {
      const values = (series[`commitIndex.${id}`] ?? []).map(([, v]) => v).filter((v) => v !== null) as number[];
      expect(values).toEqual([...values].sort((a, b) => a - b));
    }
  });
});
