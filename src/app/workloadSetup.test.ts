import { describe, expect, it } from 'vitest';
import { presetScenario, reconfigure } from './scenarios';

describe('a workload as a change of setup', () => {
  it('turns on at a rate with every operation alike, changes its rate, and turns off', () => {
    const base = presetScenario('register/two-clients');
    const on = reconfigure(base, { workload: { rate: 3 } });
    if (!on.ok) throw new Error(on.errors.join('\n'));
    expect(on.scenario.workload).toMatchObject({
      rate: 3,
      clients: ['c1', 'c2'],
      mix: [
        ['read', 1],
        ['write', 1],
        ['cas', 1],
      ],
    });
    const faster = reconfigure(on.scenario, { workload: { rate: 10 } });
    expect(faster.ok && faster.scenario.workload?.rate).toBe(10);
    const off = reconfigure(on.scenario, { workload: null });
    expect(off.ok && off.scenario.workload).toBeUndefined();
    expect(reconfigure(base, { workload: { rate: 5000 } })).toEqual({
      ok: false,
      errors: ['workload.rate: must be at most 1000'],
    });
  });

  it('keeps the clients and their requests when the cluster size changes', () => {
    const base = presetScenario('register/two-clients');
    const bigger = reconfigure(base, { nodes: 3 });
    if (!bigger.ok) throw new Error(bigger.errors.join('\n'));
    expect(bigger.scenario.clients).toEqual(['c1', 'c2']);
    expect(bigger.scenario.events).toEqual(base.events);
  });
});
