import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presets } from '../protocols/presets';
import { preset, scenario, simulate } from '../testing/scenarios';
import { Recording } from './recording';
import type { Simulation } from './simulation';

/** Everything a user can see at an instant: the trace so far, each node, each message in flight. */
const picture = (sim: Simulation) => ({
  now: sim.now,
  hash: sim.traceHash,
  length: sim.traceLength,
  nodes: sim.nodeIds().map((id) => sim.node(id)?.view),
  inFlight: sim.messagesInFlight().map((m) => [m.id, m.deliverAtMs]),
});

describe('Recording', () => {
  it.each(presets.map((p) => p.id))('seek(t) in %s shows what a fresh run to t shows', (id) => {
    const s = preset(id);
    const end = s.until ?? 4000;
    const recording = new Recording(simulate(s, 0), 250);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: end }), { minLength: 1, maxLength: 6 }), (times) => {
        for (const t of times) {
          recording.seek(t);
          expect(picture(recording.sim)).toEqual(picture(simulate(s, t)));
        }
      }),
      { numRuns: 8 },
    );
  });

  it('steps back and forward one visible event at a time', () => {
    const recording = new Recording(simulate(preset('raft/first-election'), 0), 100);
    recording.seek(400);
    const pictures = [picture(recording.sim)];
    for (let i = 0; i < 25; i++) {
      expect(recording.stepForward()).toBe(true);
      pictures.push(picture(recording.sim));
    }
    for (let i = 24; i >= 0; i--) {
      expect(recording.stepBack()).toBe(true);
      expect(picture(recording.sim).hash).toBe(pictures[i]?.hash);
    }
    expect(recording.stepForward()).toBe(true);
    expect(picture(recording.sim)).toEqual(pictures[1]);
  });

  it('acting in the past drops the old future and matches a fresh run of the new inputs', () => {
    const s = preset('raft/leader-crash');
    const recording = new Recording(simulate(s, 0), 250);
    recording.seek(3500);
    recording.seek(1200);
    recording.apply({ at: 1200, type: 'partition', groups: [['n2']] });
    recording.seek(3500);
    const expectedInputs = [...s.events.filter((e) => e.at <= 1200), { at: 1200, type: 'partition', groups: [['n2']] }];
    expect(recording.sim.inputs).toEqual(expectedInputs);
    const fresh = simulate(scenario({ ...fileOf(s), events: expectedInputs }), 3500);
    expect(picture(recording.sim)).toEqual(picture(fresh));
    recording.seek(600);
    expect(picture(recording.sim)).toEqual(picture(simulate(scenario({ ...fileOf(s), events: expectedInputs }), 600)));
  });

  it('keeps the furthest trace for the timeline while the run is rewound', () => {
    const recording = new Recording(simulate(preset('raft/leader-crash'), 0));
    recording.seek(4000);
    const full = recording.fullTrace.length;
    recording.seek(1000);
    expect(recording.sim.traceLength).toBeLessThan(full);
    expect(recording.fullTrace.length).toBe(full);
    expect(recording.frontier).toBe(4000);
  });

  it('a long run keeps fewer checkpoints far back and compacts its trace, and still seeks to what a fresh run shows', () => {
    const s = scenario({
      protocol: 'raft',
      seed: 4,
      events: Array.from({ length: 30 }, (_, i) => ({ at: 300 * i, type: 'request', command: `x=${i % 3}` })),
    });
    // Checkpoints every 100 ms, dense for the last second: compaction runs every 2 s of the run.
    const recording = new Recording(simulate(s, 0), 100, 1000);
    recording.seek(9000);
    // 91 checkpoints unthinned; the last second's 10 stay, the 8 s before keep one in four.
    expect(recording.checkpointCount).toBeLessThan(35);
    expect(JSON.stringify(recording.fullTrace)).toBe(JSON.stringify(simulate(s, 9000).trace));
    for (const t of [8950, 333, 4321, 0, 7777, 9000, 1999]) {
      recording.seek(t);
      expect(picture(recording.sim)).toEqual(picture(simulate(s, t)));
    }
  });
});

function fileOf(s: ReturnType<typeof preset>) {
  return {
    protocol: s.protocol,
    seed: s.seed,
    nodes: [...s.nodes],
    config: s.config,
    network: s.network,
    initial: s.initial,
    bug: s.bug,
  };
}
