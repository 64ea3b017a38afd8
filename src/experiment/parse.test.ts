import { describe, expect, it } from 'vitest';
import { getPresetFile, getProtocol } from '../protocols';
import { scriptedExperiment, scriptedScenario } from '../testing/experimentFiles';
import { loadExperimentText } from './load';
import { parseExperiment } from './parse';

const parse = (value: unknown) => parseExperiment(value, { lookup: getProtocol, preset: getPresetFile });
const errorsOf = (value: unknown) => {
  const parsed = parse(value);
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.errors;
};

describe('parseExperiment', () => {
  it('accepts the scripted experiment, with each value its own trial count', () => {
    const parsed = parse(scriptedExperiment());
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.experiment.values.map((v) => [v.label, v.trials])).toEqual([
      ['at 150', 4],
      ['at 120', 2],
    ]);
    expect(parsed.experiment.untilMs).toBe(2000);
  });

  it('takes a preset id as the base scenario', () => {
    const parsed = parse(
      scriptedExperiment({
        scenario: 'raft/leader-crash',
        sweep: undefined,
        measure: { kind: 'milestone', from: 2, milestone: 'leader' },
      }),
    );
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.experiment.protocol).toBe('raft');
    expect(parsed.experiment.values.map((v) => v.label)).toEqual(['base']);
  });

  it('names the field of a shape error', () => {
    expect(errorsOf(scriptedExperiment({ trials: 0 }))).toEqual(['trials: must be at least 1']);
    expect(errorsOf(scriptedExperiment({ format: 'netsplit-scenario' }))).toEqual([
      'format: must be "netsplit-experiment"',
    ]);
    expect(errorsOf(scriptedExperiment({ extra: 1 }))).toEqual(['extra: unknown field']);
    const values = [1, 2, 3].map((at) => ({ label: `at ${at}`, value: at }));
    expect(errorsOf(scriptedExperiment({ trials: 100_000, sweep: { path: 'events[2].at', values } }))).toEqual([
      'trials: the values ask for 300000 trials in all, more than 200000',
    ]);
    expect(errorsOf(scriptedExperiment({ randomize: [{ path: 'events[1].at', uniform: [9, 3] }] }))).toEqual([
      'randomize[0].uniform: the lowest must not exceed the highest',
    ]);
  });

  it('names the parameter value whose scenario is wrong, and the scenario field', () => {
    const file = scriptedExperiment({
      sweep: { path: 'config.electionTimeoutMs', values: [{ label: 'bad', value: [300, 150] }] },
    });
    expect(errorsOf(file)).toEqual([
      'sweep.values[0] ("bad"): config.electionTimeoutMs: the minimum must not exceed the maximum',
    ]);
  });

  it('checks randomized fields at both ends of their range', () => {
    const file = scriptedExperiment({ randomize: [{ path: 'events[1].at', uniform: [10, 99_999_999_999] }] });
    const [first] = errorsOf(file);
    expect(first).toMatch(/^sweep\.values\[0\] \("at 150"\) \(randomized fields at their highest\): events\[1\]\.at: /);
  });

  it('refuses a path that does not lead anywhere, or sets the seed', () => {
    expect(
      errorsOf(scriptedExperiment({ sweep: { path: 'events[9].at', values: [{ label: 'x', value: 1 }] } })),
    ).toEqual(['sweep.values[0] ("x"): events has 3 entries, no entry 9']);
    expect(errorsOf(scriptedExperiment({ sweep: { path: 'config..x', values: [{ label: 'x', value: 1 }] } }))).toEqual([
      'sweep.path: "config..x" is not a path like config.heartbeatMs or events[2].at',
    ]);
    expect(errorsOf(scriptedExperiment({ sweep: { path: 'seed', values: [{ label: 'x', value: 1 }] } }))[0]).toMatch(
      /^sweep\.path: an experiment may not set the scenario's seed/,
    );
  });

  it('checks the measure against the protocol and the scenario', () => {
    expect(errorsOf(scriptedExperiment({ measure: { kind: 'milestone', from: 1, milestone: 'elected' } }))).toEqual([
      'measure.milestone: raft has no milestone "elected" (it has: leader, commit)',
    ]);
    expect(errorsOf(scriptedExperiment({ measure: { kind: 'milestone', from: 3, milestone: 'leader' } }))).toEqual([
      'measure.from: the scenario has 3 events, no event 3',
    ]);
    expect(errorsOf(scriptedExperiment({ until: 90 }))).toEqual([
      'measure.from: sweep.values[0] ("at 150")\'s event 1 is at 100 ms, after the trials end (until 90 ms)',
    ]);
    expect(errorsOf(scriptedExperiment({ measure: { kind: 'fact', fact: 'overlap', field: 'ms' } }))).toEqual([
      'measure.fact: raft measures no facts',
    ]);
  });

  it('names a bad base scenario under scenario, and an unknown preset or protocol', () => {
    expect(errorsOf(scriptedExperiment({ scenario: { ...scriptedScenario(), nodes: 0 } }))).toEqual([
      'scenario.nodes: must be at least 1',
    ]);
    expect(errorsOf(scriptedExperiment({ scenario: 'raft/nope' }))).toEqual(['scenario: no preset "raft/nope"']);
    expect(errorsOf(scriptedExperiment({ scenario: { ...scriptedScenario(), protocol: 'zab' } }))).toEqual([
      'scenario.protocol: unknown protocol "zab"',
    ]);
  });
});

describe('loadExperimentText', () => {
  it('says what is wrong with a file that is not an experiment at all', async () => {
    const notJson = await loadExperimentText('{ "format": ');
    expect(notJson.ok ? [] : notJson.errors[0]).toMatch(/^\(file\): not JSON \(/);
    const list = await loadExperimentText('[]');
    expect(list.ok ? [] : list.errors).toHaveLength(1);
    expect(list.ok ? '' : list.errors[0]).toMatch(/^\(file\): /);
    const scenario = await loadExperimentText(JSON.stringify(scriptedScenario()));
    expect(scenario.ok ? [] : scenario.errors).toContain('format: must be "netsplit-experiment"');
  });

  it('loads the preset a file names before it parses', async () => {
    const parsed = await loadExperimentText(
      `\uFEFF${JSON.stringify(scriptedExperiment({ scenario: 'raft/split-vote', sweep: undefined, measure: { kind: 'messages-per-milestone', milestone: 'leader' } }))}`,
    );
    expect(parsed.ok ? parsed.experiment.scenario.protocol : parsed.errors).toBe('raft');
  });
});
