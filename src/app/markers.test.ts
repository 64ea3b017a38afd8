import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { preset, simulate } from '../testing/scenarios';
import { TraceIndex } from './traceIndex';

const protocol = (id: string) => getProtocol(id) as NonNullable<ReturnType<typeof getProtocol>>;

describe('the timeline markers of a trace', () => {
  it('marks the faults, the new leaders and the commits of a run', () => {
    const sim = simulate(preset('raft/leader-crash'), 4000);
    const markers = new TraceIndex(sim.trace).markers(protocol('raft'));
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
    const raftMarkers = new TraceIndex(bug.trace).markers(protocol('raft'));
    expect(raftMarkers.filter((m) => m.kind === 'violation').map((m) => m.detail)).toContain('state-machine-safety');
    const twoPc = simulate(preset('2pc/committed'), 3000);
    const decisions = new TraceIndex(twoPc.trace).markers(protocol('2pc')).filter((m) => m.detail === 'decision');
    expect(decisions.map((m) => m.label)).toEqual(['t1 committed']);
  });

  it('follows a growing trace, and starts over when a branch rewrote its tail', () => {
    const sim = simulate(preset('raft/leader-crash'), 4000);
    const all = sim.trace.length;
    const trace = sim.trace.slice(0, 500);
    const index = new TraceIndex(trace);
    const half = index.markers(protocol('raft'));
    expect(index.markers(protocol('raft'))).toBe(half);
    trace.push(...sim.trace.slice(500));
    const full = index.markers(protocol('raft'));
    expect(full.length).toBeGreaterThan(half.length);
    trace.length = 200;
    trace.push(...simulate(preset('raft/first-election'), 4000).trace.slice(200, all));
    expect(index.markers(protocol('raft')).every((m) => m.index < trace.length)).toBe(true);
    expect(index.markers(protocol('raft'))).not.toBe(full);
  });
});
