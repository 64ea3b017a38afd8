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

  it('keeps the pending inputs out of a snapshot, and restores them, with inputs added and dropped since', () => {
    const requests = Array.from({ length: 40 }, (_, i) => ({ at: 100 * i, type: 'request', command: `x=${i}` }));
    const s = scenario({ protocol: 'raft', seed: 5, events: requests });
    const sim = simulate(s, 1250);
    const saved = sim.snapshot();
    // A checkpoint of a run with many requests ahead holds none of them: they are positions in `inputs`.
    expect(saved.queue.some((e) => e.event.kind === 'input')).toBe(false);
    expect(saved.inputsFrom).toBe(13);
    sim.runUntil(2000);
    sim.apply({ at: 2000, type: 'crash', node: 'n1' });
    sim.runUntil(3000);
    sim.restore(saved);
    sim.runUntil(5000);
    // The same as a fresh run of the scenario with the crash written in.
    const fresh = simulate(scenario({ protocol: 'raft', seed: 5, events: [...sim.inputs] }), 5000);
    expect(sim.traceHash).toBe(fresh.traceHash);
    // Dropping the future inputs after a restore leaves them unscheduled.
    sim.restore(saved);
    sim.dropInputsAfter(1250);
    sim.runUntil(5000);
    expect(sim.trace.filter((r) => r.kind === 'request').length).toBe(13);
  });

  it('restores generated inputs (a workload) from their position', () => {
    const s = scenario({
      protocol: 'register',
      nodes: 3,
      clients: 2,
      until: 3000,
      workload: { rate: 20, mix: { read: 1, write: 1 } },
    });
    const sim = simulate(s, 900);
    const saved = sim.snapshot();
    expect(saved.queue.some((e) => e.event.kind === 'generated')).toBe(false);
    expect(saved.generatedFrom).toBeGreaterThan(0);
    sim.runUntil(3000);
    const hash = sim.traceHash;
    sim.restore(saved);
    sim.runUntil(3000);
    expect(sim.traceHash).toBe(hash);
  });
});
