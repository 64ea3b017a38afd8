import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../experiment/parse';
import { runTrial } from '../experiment/run';
import { trialsOf } from '../experiment/trials';
import { getPresetFile, getProtocol } from '../protocols';
import { runExperimentFile, runMeasures } from './experimentMeasures';
import { numericFacts, probeFacts } from './factsProbe';

const gcPause = getPresetFile('lock/gc-pause-no-fencing') as Record<string, unknown>;

describe('the facts probe', () => {
  it('keeps only the numeric fields of a run’s facts', () => {
    expect(numericFacts({ overlap: { ms: 12, clients: ['c1'] }, skew: { maxMs: 3, holds: true } })).toEqual([
      { fact: 'overlap', field: 'ms' },
      { fact: 'skew', field: 'maxMs' },
    ]);
    expect(numericFacts(undefined)).toEqual([]);
  });

  it('finds the lock’s overlap.ms, and this run over N seeds can then measure it', async () => {
    const facts = await probeFacts({ kind: 'facts', scenario: gcPause });
    expect(facts).toContainEqual({ fact: 'overlap', field: 'ms' });
    const lock = getProtocol('lock');
    if (!lock) throw new Error('the test setup loads the lock');
    const measure = runMeasures(gcPause, lock.face, facts).find((m) => m.id === 'fact:overlap.ms');
    expect(measure?.title).toBe('overlap.ms at the end of the run');
    if (!measure) return;
    const parsed = parseExperiment(runExperimentFile(gcPause, 2, measure.measure, 'overlap'), {
      lookup: getProtocol,
      preset: getPresetFile,
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const values = trialsOf(parsed.experiment).map((t) => runTrial(t, getProtocol).value);
    expect(values.every((v) => typeof v === 'number' && v >= 0)).toBe(true);
  });

  it('names the field of a file that is not a scenario', async () => {
    await expect(probeFacts({ kind: 'facts', scenario: { format: 'x' } })).rejects.toThrow(/format/);
  });
});
