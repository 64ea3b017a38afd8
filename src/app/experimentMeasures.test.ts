import { describe, expect, it } from 'vitest';
import { runSeeds } from '../cli/fuzz';
import { parseExperiment } from '../experiment/parse';
import { runTrial } from '../experiment/run';
import { trialsOf } from '../experiment/trials';
import { getPresetFile, getProtocol } from '../protocols';
import { measureAxis, measureTitle, runExperimentFile, runMeasures } from './experimentMeasures';

const leaderCrash = getPresetFile('raft/leader-crash') as Record<string, unknown>;
const face = () => {
  const raft = getProtocol('raft');
  if (!raft) throw new Error('raft is loaded by the test setup');
  return raft.face;
};

describe('this run over N seeds', () => {
  it('measures from the run’s first fault to each milestone, or messages per milestone', () => {
    const measures = runMeasures(leaderCrash, face());
    const events = leaderCrash.events as { type: string }[];
    const crash = events.findIndex((e) => e.type === 'crash');
    expect(measures.map((m) => m.title)).toEqual([
      'Time from crash leader to a new leader',
      'Time from crash leader to a commit',
      'Messages per new leader',
      'Messages per commit',
    ]);
    expect(measures[0]?.measure).toEqual({ kind: 'milestone', from: crash, milestone: 'leader' });
    expect(measures.map((m) => measureAxis(m.measure, face()))).toEqual([
      'Time to a new leader',
      'Time to a commit',
      'Messages per new leader',
      'Messages per commit',
    ]);
  });

  it('offers no time from an input in a run without one', () => {
    const measures = runMeasures({ ...leaderCrash, events: [] }, face());
    expect(measures.map((m) => m.measure.kind)).toEqual(['messages-per-milestone', 'messages-per-milestone']);
  });

  it('is an experiment file whose trial i has the i-th seed of the run’s own seed stream', () => {
    const measure = runMeasures(leaderCrash, face())[0]?.measure;
    if (!measure) throw new Error('a measure');
    const file = runExperimentFile(leaderCrash, 4, measure, 'Leader crash over 4 seeds');
    const parsed = parseExperiment(file, { lookup: getProtocol, preset: getPresetFile });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const trials = trialsOf(parsed.experiment);
    expect(trials.map((t) => t.seed)).toEqual(runSeeds(leaderCrash.seed as number, 0, 4));
    const values = trials.map((t) => runTrial(t, getProtocol).value);
    // Raft's election timeout is 150-300 ms: no new leader sooner than the shortest after the crash.
    expect(values.every((v) => v !== null && v >= 150)).toBe(true);
    expect(measureTitle(parsed.experiment.measure, leaderCrash.events as never, face())).toBe(
      'Time from crash leader to a new leader',
    );
  });
});
