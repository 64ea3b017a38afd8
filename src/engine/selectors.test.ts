import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { scenario, simulate } from '../testing/scenarios';
import { fileSelected, selectNode } from './selectors';

describe('node selectors resolve through the protocol face', () => {
  it('"leader" names the node the face\'s leader selector names, and an unknown selector names none', () => {
    const sim = simulate(scenario({ protocol: '2pc', nodes: 3 }), 10);
    const twoPc = getProtocol('2pc');
    if (!twoPc) throw new Error('no 2pc');
    expect(fileSelected(twoPc, sim.world())).toBe('n1');
    expect(selectNode(twoPc, 'primary', sim.world())).toBeNull();
  });

  it('a crash aimed at "leader" in a scenario crashes the node the face names', () => {
    const sim = simulate(
      scenario({ protocol: '2pc', nodes: 3, events: [{ at: 5, type: 'crash', node: 'leader' }] }),
      10,
    );
    expect(sim.trace.find((r) => r.kind === 'fault')).toEqual({ t: 5, kind: 'fault', type: 'crash', node: 'n1' });
  });
});
