import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse';
import { createSimulation, DEFAULT_UNTIL_MS } from '../../scenario/run';
import { getPresetFile, getProtocol, presets } from '../index';
import { states, tx } from './testkit';

function load(id: string) {
  const file = getPresetFile(id);
  if (file === undefined) throw new Error(`no preset ${id}`);
  const parsed = parseScenario(file, getProtocol);
  if (!parsed.ok) throw new Error(`${id}: ${parsed.errors.join('; ')}`);
  return { scenario: parsed.scenario, sim: createSimulation(parsed.scenario, getProtocol) };
}

const ids = presets.filter((p) => p.protocol === '2pc').map((p) => p.id);

describe('2pc presets', () => {
  it('ships the presets course material names', () => {
    expect(ids).toEqual(
      expect.arrayContaining(['2pc/committed', '2pc/participant-votes-no', '2pc/coordinator-crash-blocks']),
    );
  });

  it.each(ids)('%s runs to its end with no violation unless it turns on a bug', (id) => {
    const { scenario, sim } = load(id);
    expect(scenario.title).not.toBe('');
    expect(scenario.description).not.toBe('');
    expect(scenario.events.some((e) => e.type === 'caption')).toBe(true);
    sim.runUntil(scenario.until ?? DEFAULT_UNTIL_MS);
    if (scenario.bug === null) expect(sim.violations).toEqual([]);
    else expect(sim.violations.map((v) => v.invariant)).toContain('atomicity');
    expect(sim.skipped).toEqual([]);
  });

  it('committed: t1 ends committed at every node', () => {
    const { scenario, sim } = load('2pc/committed');
    sim.runUntil(scenario.until ?? DEFAULT_UNTIL_MS);
    expect(states(sim, 't1')).toEqual(['committed', 'committed', 'committed', 'committed']);
  });

  it('participant-votes-no: t1 commits and t2 aborts everywhere', () => {
    const { scenario, sim } = load('2pc/participant-votes-no');
    sim.runUntil(scenario.until ?? DEFAULT_UNTIL_MS);
    expect(states(sim, 't1')).toEqual(['committed', 'committed', 'committed', 'committed']);
    expect(states(sim, 't2')).toEqual(['aborted', 'aborted', 'aborted', 'aborted']);
    expect(tx(sim, 'n3', 't2')).toEqual({ state: 'aborted', vote: 'no' });
  });

  it('coordinator-crash-blocks: participants stay prepared until the coordinator restarts, then all abort', () => {
    const { scenario, sim } = load('2pc/coordinator-crash-blocks');
    sim.runUntil(2999);
    expect(states(sim, 't1')).toEqual(['collecting', 'prepared', 'prepared', 'prepared']);
    expect(sim.node('n1')?.isUp).toBe(false);
    sim.runUntil(scenario.until ?? DEFAULT_UNTIL_MS);
    expect(states(sim, 't1')).toEqual(['aborted', 'aborted', 'aborted', 'aborted']);
  });

  it('participant-decides-alone: without the bug the same run commits everywhere', () => {
    const { scenario } = load('2pc/participant-decides-alone');
    const sim = createSimulation({ ...scenario, bug: null }, getProtocol);
    sim.runUntil(scenario.until ?? DEFAULT_UNTIL_MS);
    expect(states(sim, 't1')).toEqual(['committed', 'committed', 'committed', 'committed']);
    expect(sim.violations).toEqual([]);
  });
});
