import { describe, expect, it } from 'vitest';
import { getPresetFile, getProtocol } from '../protocols';
import { parseScenario } from '../scenario/parse';
import { runScenario } from '../scenario/run';
import { scriptedExperiment, scriptedScenario } from '../testing/experimentFiles';
import { parseExperiment } from './parse';
import { runTrial } from './run';
import { trialsOf } from './trials';
import type { Experiment, Trial } from './types';

function experimentOf(value: Record<string, unknown>): Experiment {
  const parsed = parseExperiment(value, { lookup: getProtocol, preset: getPresetFile });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.experiment;
}

const trialOf = (scenario: Record<string, unknown>, measure: Trial['measure'], untilMs = 2000): Trial => ({
  parameter: 0,
  label: 'x',
  index: 0,
  seed: 1,
  scenario,
  measure,
  untilMs,
});

describe('runTrial', () => {
  it('measures from the crash to the next leader on a scripted run', () => {
    // n2 times out at 150 ms, its RequestVote arrives at 151, the vote is back at 152: 52 ms after the crash.
    const result = runTrial(
      trialOf(scriptedScenario(), { kind: 'milestone', from: 1, milestone: 'leader' }),
      getProtocol,
    );
    expect(result.value).toBe(52);
    expect(result.violations).toBe(0);
    // The same instant read off the run's own trace.
    const parsed = parseScenario(scriptedScenario(), getProtocol);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const { sim } = runScenario(parsed.scenario, getProtocol, 2000);
    const elected = sim.trace.find((r) => r.kind === 'state' && r.node === 'n2' && r.state.role === 'leader');
    expect(elected?.t).toBe(152);
  });

  it('ignores the milestone before the input it measures from, and stops at the first one after it', () => {
    // n1 became leader at 2 ms, before the crash; the crash is event 1.
    const result = runTrial(
      trialOf(scriptedScenario(), { kind: 'milestone', from: 0, milestone: 'leader' }),
      getProtocol,
    );
    expect(result.value).toBe(2);
  });

  it('gives null when the milestone never comes by the end', () => {
    const scenario = { ...scriptedScenario(), events: (scriptedScenario().events as unknown[]).slice(0, 2) };
    const result = runTrial(trialOf(scenario, { kind: 'milestone', from: 1, milestone: 'leader' }, 900), getProtocol);
    expect(result.value).toBeNull();
  });

  it('refuses a run past the work budget, saying which trial and which budget', () => {
    const trial = trialOf(scriptedScenario(), { kind: 'milestone', from: 1, milestone: 'leader' }, 2000);
    const result = runTrial(trial, getProtocol, { maxEvents: 10, maxRecords: 4_000_000 });
    expect(result.value).toBeNull();
    expect(result.refused).toMatch(/^trial 0 of "x" \(seed 1\): the run stopped at .* budget of 10 events/);
  });

  it('counts messages per milestone over the whole run', () => {
    const result = runTrial(
      trialOf(scriptedScenario(), { kind: 'messages-per-milestone', milestone: 'leader' }),
      getProtocol,
    );
    const parsed = parseScenario(scriptedScenario(), getProtocol);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const { sim } = runScenario(parsed.scenario, getProtocol, 2000);
    // Two leaders (n1, then n2) over the run.
    expect(result.value).toBe(sim.counters.sent / 2);
  });
});

describe('a fact measure', () => {
  it('reads the number the protocol measures at the end of the run', () => {
    const experiment = experimentOf({
      format: 'netsplit-experiment',
      version: 1,
      seed: 3,
      trials: 2,
      scenario: 'lock/gc-pause-fenced',
      measure: { kind: 'fact', fact: 'overlap', field: 'ms' },
    });
    const [trial] = trialsOf(experiment);
    const result = runTrial(trial as Trial, getProtocol);
    const parsed = parseScenario((trial as Trial).scenario, getProtocol);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const { summary } = runScenario(parsed.scenario, getProtocol, experiment.untilMs);
    expect(result.value).toBe(summary.facts?.overlap?.ms);
    expect(typeof result.value).toBe('number');
  });
});

describe('trialsOf', () => {
  it('gives trial i of every value the same seed, drawn from the experiment seed', () => {
    const trials = trialsOf(experimentOf(scriptedExperiment()));
    expect(trials.map((t) => [t.parameter, t.index])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 0],
      [1, 1],
    ]);
    expect(trials[4]?.seed).toBe(trials[0]?.seed);
    expect(new Set(trials.slice(0, 4).map((t) => t.seed)).size).toBe(4);
    expect(trials.every((t) => t.scenario.seed === t.seed)).toBe(true);
    expect(((trials[5] as Trial).scenario.events as { at: number }[])[2]?.at).toBe(120);
  });

  it('draws randomized fields within their range, the same whatever the trial count', () => {
    const file = scriptedExperiment({ randomize: [{ path: 'events[1].at', uniform: [90, 110] }] });
    const all = trialsOf(experimentOf(file));
    const few = trialsOf(experimentOf(file), 2);
    const crashAt = (t: Trial) => (t.scenario.events as { at: number }[])[1]?.at as number;
    expect(all.map(crashAt).every((at) => at >= 90 && at <= 110)).toBe(true);
    expect(new Set(all.map(crashAt)).size).toBeGreaterThan(1);
    expect(few.map(crashAt)).toEqual([
      crashAt(all[0] as Trial),
      crashAt(all[1] as Trial),
      crashAt(all[4] as Trial),
      crashAt(all[5] as Trial),
    ]);
  });

  it('measures what the parameter changes: a later timeout, a later leader', () => {
    const trials = trialsOf(experimentOf(scriptedExperiment()));
    const values = trials.map((t) => runTrial(t, getProtocol).value);
    expect(values).toEqual([52, 52, 52, 52, 22, 22]);
  });
});
