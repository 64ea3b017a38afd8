import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/types';
import { preset, simulate } from '../../testing/scenarios';
import { buildModel } from './model';

/** The messages whose trip overlaps [startMs, endMs] among the first `length` records, by walking them all. */
function reference(trace: readonly TraceRecord[], length: number, nowMs: number, startMs: number, endMs: number) {
  const ends = new Map<number, TraceRecord>();
  for (const r of trace.slice(0, length)) if (r.kind === 'deliver' || r.kind === 'drop') ends.set(r.id, r);
  const out: { id: number; fate: string; endAtMs: number }[] = [];
  for (const r of trace.slice(0, length)) {
    if (r.kind !== 'send' || r.t > endMs) continue;
    const end = ends.get(r.id);
    const endAtMs = end ? end.t : nowMs;
    if (endAtMs < startMs) continue;
    out.push({ id: r.id, fate: !end ? 'inFlight' : end.kind === 'deliver' ? 'delivered' : 'dropped', endAtMs });
  }
  return out;
}

describe('the model of a window', () => {
  it('holds exactly the messages a full walk of the trace finds', () => {
    const sim = simulate(preset('raft/minority-partition'), 3400);
    for (const [startMs, endMs] of [
      [0, 600],
      [950, 1950],
      [2990, 3400],
    ] as const) {
      const model = buildModel({
        trace: sim.trace,
        traceLength: sim.traceLength,
        nowMs: sim.now,
        nodeIds: sim.nodeIds(),
        startMs,
        endMs,
        describeMessage: sim.protocol.describeMessage,
      });
      const got = model.messages.map((m) => ({ id: m.id, fate: m.fate, endAtMs: m.endAtMs }));
      expect(got).toEqual(reference(sim.trace, sim.traceLength, sim.now, startMs, endMs));
    }
  });

  it('shades a partition from its fault to the heal, with each node on its side', () => {
    const sim = simulate(preset('raft/minority-partition'), 3400);
    const model = buildModel({
      trace: sim.trace,
      traceLength: sim.traceLength,
      nowMs: sim.now,
      nodeIds: sim.nodeIds(),
      startMs: 0,
      endMs: 3400,
      describeMessage: sim.protocol.describeMessage,
    });
    expect(model.partitions).toEqual([
      {
        fromMs: 1000,
        toMs: 3000,
        isOpen: false,
        sideCount: 2,
        sideOf: { n4: 0, n5: 0, n1: 1, n2: 1, n3: 1 },
      },
    ]);
    expect(model.messages.some((m) => m.fate === 'dropped' && m.reason === 'partition')).toBe(true);
  });

  it('ignores the known future after a rewind', () => {
    const sim = simulate(preset('raft/first-election'), 600);
    const past = sim.snapshot();
    sim.runUntil(1500);
    sim.restore(past);
    expect(sim.trace.length).toBeGreaterThan(sim.traceLength);
    const model = buildModel({
      trace: sim.trace,
      traceLength: sim.traceLength,
      nowMs: sim.now,
      nodeIds: sim.nodeIds(),
      startMs: 0,
      endMs: 2000,
      describeMessage: sim.protocol.describeMessage,
    });
    expect(model.messages.length).toBeGreaterThan(0);
    expect(model.messages.every((m) => m.sentAtMs <= 600 && m.endAtMs <= 600)).toBe(true);
    expect(model.messages.map((m) => m.id)).toEqual(
      reference(sim.trace, sim.traceLength, sim.now, 0, 2000).map((m) => m.id),
    );
  });
});
