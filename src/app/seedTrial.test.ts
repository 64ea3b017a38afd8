import { describe, expect, it } from 'vitest';
import { getPresetFile, getProtocol } from '../protocols';
import { parseScenario } from '../scenario/parse';
import { runScenario } from '../scenario/run';
import { factKey, milestoneKey, runSeedTrial } from './seedTrial';
import { TraceIndex } from './traceIndex';

const fileText = (preset: string) => JSON.stringify(getPresetFile(preset));

describe('one trial of this run over N seeds', () => {
  it('measures the time from the crash to the next new leader, the same in any worker', () => {
    const task = { kind: 'seed' as const, fileText: fileText('raft/leader-crash'), seed: 7 };
    const measures = runSeedTrial(task);
    expect(runSeedTrial(task)).toEqual(measures);
    // As the timeline shows the same run: the first leader marker after the crash at 1500 ms.
    const file = { ...(getPresetFile('raft/leader-crash') as object), seed: 7 };
    const parsed = parseScenario(file, getProtocol);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const { sim } = runScenario(parsed.scenario, getProtocol);
    const markers = new TraceIndex(sim.trace.slice(0, sim.traceLength)).markers(sim.protocol);
    const crash = markers.find((m) => m.kind === 'fault');
    expect(crash?.t).toBe(1500);
    const leader = markers.find((m) => m.kind === 'milestone' && m.detail === 'leader' && m.t > 1500);
    expect(measures[milestoneKey('leader')]).toBe((leader?.t ?? Number.NaN) - 1500);
    // Raft's election timeout is 150-300 ms: nobody takes over sooner than the shortest one.
    expect(measures[milestoneKey('leader')]).toBeGreaterThanOrEqual(150);
  });

  it('gives other seeds other times, and measures from the start in a run without faults', () => {
    const text = fileText('raft/first-election');
    const times = [1, 2, 3, 4, 5, 6].map((seed) => runSeedTrial({ kind: 'seed', fileText: text, seed }));
    const leaderAt = times.map((m) => m[milestoneKey('leader')]);
    expect(leaderAt.every((t) => typeof t === 'number' && t >= 150)).toBe(true);
    expect(new Set(leaderAt).size).toBeGreaterThan(1);
  });

  it('measures every numeric field of the protocol’s facts', () => {
    const measures = runSeedTrial({ kind: 'seed', fileText: fileText('lock/gc-pause-no-fencing'), seed: 3 });
    const factKeys = Object.keys(measures).filter((k) => k.startsWith('fact:'));
    expect(factKeys.length).toBeGreaterThan(0);
    expect(factKeys.every((k) => typeof measures[k] === 'number')).toBe(true);
    expect(factKeys.some((k) => k.startsWith(factKey('overlap', '')))).toBe(true);
  });

  it('names the field when the file is not a scenario', () => {
    expect(() => runSeedTrial({ kind: 'seed', fileText: '{"format":"x"}', seed: 1 })).toThrow(/format/);
  });
});
