import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { preset, simulate } from '../testing/scenarios';
import { MarkerIndex } from './markers';

describe('MarkerIndex', () => {
  it('marks the faults, the new leaders and the commits of a run', () => {
    const sim = simulate(preset('raft/leader-crash'), 4000);
    const markers = new MarkerIndex(getProtocol('raft') as NonNullable<ReturnType<typeof getProtocol>>).update(
      sim.trace,
    );
    const labels = markers.map((m) => `${m.kind}:${m.label}`);
    expect(labels).toContain('fault:n1 crashes');
    expect(labels).toContain('fault:n1 restarts');
    expect(labels).toContain('pause:The leader is gone. Which follower will time out first?');
    const leaders = markers.filter((m) => m.detail === 'leader').map((m) => m.label);
    expect(leaders[0]).toMatch(/^n1 leads term 1$/);
    expect(leaders.at(-1)).toMatch(/leads term 2$/);
    expect(markers.some((m) => m.detail === 'commit')).toBe(true);
    expect(markers.map((m) => m.t)).toEqual([...markers.map((m) => m.t)].sort((a, b) => a - b));
  });

  it('marks a violation and a 2PC decision', () => {
    const bug = simulate(preset('raft/figure-8-bug'), 2000);
    const raftMarkers = new MarkerIndex(getProtocol('raft') as NonNullable<ReturnType<typeof getProtocol>>).update(
      bug.trace,
    );
    expect(raftMarkers.filter((m) => m.kind === 'violation').map((m) => m.detail)).toContain('state-machine-safety');
    const twoPc = simulate(preset('2pc/committed'), 3000);
    const decisions = new MarkerIndex(getProtocol('2pc') as NonNullable<ReturnType<typeof getProtocol>>)
      .update(twoPc.trace)
      .filter((m) => m.detail === 'decision');
    expect(decisions.map((m) => m.label)).toEqual(['t1 committed']);
  });

  it('reads incrementally, and starts over on a new trace', () => {
    const sim = simulate(preset('raft/leader-crash'), 4000);
    const index = new MarkerIndex(getProtocol('raft') as NonNullable<ReturnType<typeof getProtocol>>);
    const half = index.update(sim.trace, 500).length;
    const all = index.update(sim.trace).length;
    expect(all).toBeGreaterThan(half);
    expect(index.update(simulate(preset('raft/leader-crash'), 4000).trace).length).toBe(all);
  });
});
