import { describe, expect, it } from 'vitest';
import { scenario, simulate } from '../testing/scenarios';
import { splitRecordedState } from './recordedState';

describe('liveness lives beside the view', () => {
  const crashed = () =>
    simulate(scenario({ protocol: 'raft', nodes: 3, events: [{ at: 100, type: 'crash', node: 'n2' }] }), 200);

  it("a crashed node's view is what the protocol returned, and isUp says it is down", () => {
    const sim = crashed();
    expect(sim.isUp('n2')).toBe(false);
    expect(sim.view('n2')).not.toHaveProperty('crashed');
    expect(sim.world().nodes.find((n) => n.id === 'n2')?.view).toEqual(sim.view('n2'));
  });

  it("the trace's state record of the crash still carries crashed: true, and splits back into view and liveness", () => {
    const sim = crashed();
    const record = sim.trace.find((r) => r.kind === 'state' && r.node === 'n2' && r.t === 100);
    if (record?.kind !== 'state') throw new Error('no state record at the crash');
    expect(record.state.crashed).toBe(true);
    expect(splitRecordedState(record.state)).toEqual({ view: sim.view('n2'), isUp: false });
  });
});
