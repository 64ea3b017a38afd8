import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { preset, scenario, simulate } from '../testing/scenarios';

describe('Simulation', () => {
  it('restores a snapshot and replays the same future, event for event', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 2000 }), (t1, extra) => {
        const sim = simulate(preset('raft/leader-crash'), t1);
        const saved = sim.snapshot();
        sim.runUntil(t1 + extra);
        const hash = sim.traceHash;
        const length = sim.trace.length;
        sim.restore(saved);
        expect(sim.now).toBe(t1);
        sim.runUntil(t1 + extra);
        expect(sim.traceHash).toBe(hash);
        expect(sim.trace.length).toBe(length);
      }),
      { numRuns: 25 },
    );
  });

  it('replays a live click exactly when the click is written into the scenario', () => {
    const live = simulate(scenario({ protocol: 'raft', seed: 3 }), 777.5);
    live.apply({ at: Math.ceil(live.now), type: 'crash', node: 'leader' });
    live.runUntil(3000);
    const replay = simulate(scenario({ protocol: 'raft', seed: 3, events: [...live.inputs] }), 3000);
    expect(replay.traceHash).toBe(live.traceHash);
  });

  it('refuses an input in the past', () => {
    const sim = simulate(scenario({ protocol: 'raft' }), 500);
    expect(() => sim.apply({ at: 100, type: 'heal' })).toThrow('before the current time');
  });

  it('skips inputs that cannot apply, and says why', () => {
    const sim = simulate(
      scenario({
        protocol: 'raft',
        events: [
          { at: 0, type: 'crash', node: 'leader' },
          { at: 10, type: 'restart', node: 'n1' },
          { at: 20, type: 'crash', node: 'n2' },
          { at: 30, type: 'crash', node: 'n2' },
          { at: 40, type: 'timeout', node: 'n2' },
        ],
      }),
      100,
    );
    expect(sim.skipped).toEqual([
      { at: 0, type: 'crash', reason: 'no leader' },
      { at: 10, type: 'restart', reason: 'n1 is not crashed' },
      { at: 30, type: 'crash', reason: 'n2 is already crashed' },
      { at: 40, type: 'timeout', reason: 'n2 is crashed' },
    ]);
  });

  it('records a rejected request when no node can take it', () => {
    const sim = simulate(scenario({ protocol: 'raft', events: [{ at: 0, type: 'request', command: 'x' }] }), 0);
    expect(sim.trace.find((r) => r.kind === 'request')).toEqual({ t: 0, kind: 'request', node: null, command: 'x' });
  });
});
