import { describe, expect, it } from 'vitest';
import { scenario, simulate } from '../testing/scenarios';
import { compactTrace, deepEqual, Interner } from './compaction';

describe('trace compaction', () => {
  it('shares equal values and tells apart values that differ, key order included', () => {
    const interner = new Interner();
    const a = { type: 'AppendEntries', term: 2, entries: [{ term: 1, command: 'x' }] };
    const b = { type: 'AppendEntries', term: 2, entries: [{ term: 1, command: 'x' }] };
    const c = { term: 2, type: 'AppendEntries', entries: [{ term: 1, command: 'x' }] };
    expect(interner.intern(a)).toBe(a);
    expect(interner.intern(b)).toBe(a);
    expect(interner.intern(c)).toBe(c);
    expect(interner.intern({ ...a, term: 3 })).not.toBe(a);
    expect(deepEqual([1, { x: null }], [1, { x: null }])).toBe(true);
    expect(deepEqual([1, { x: null }], [1, { x: 0 }])).toBe(false);
    expect(deepEqual({ x: [] }, { x: {} })).toBe(false);
  });

  it('leaves every record equal to what it was, and the same object, with far fewer distinct values', () => {
    const s = scenario({
      protocol: 'raft',
      seed: 7,
      until: 8000,
      events: Array.from({ length: 20 }, (_, i) => ({ at: 400 * i, type: 'request', command: `x=${i}` })),
    });
    const sim = simulate(s, 6000);
    const trace = sim.trace;
    const before = JSON.stringify(trace);
    const records = [...trace];
    const messages = new Set(trace.flatMap((r) => (r.kind === 'send' ? [r.message] : [])));
    const node = sim.nodeIds()[0] as string;
    const liveView = sim.view(node);
    compactTrace(trace, 0, trace.length);
    expect(JSON.stringify(trace)).toBe(before);
    expect(trace.every((r, i) => r === records[i])).toBe(true);
    const after = new Set(trace.flatMap((r) => (r.kind === 'send' ? [r.message] : [])));
    expect(after.size).toBeLessThan(messages.size / 3);
    // The node's live view is never rewritten.
    expect(sim.view(node)).toBe(liveView);
    // The run goes on to the very hash of a run never compacted (the hash of a record is taken when it is written).
    sim.runUntil(8000);
    expect(sim.traceHash).toBe(simulate(s, 8000).traceHash);
  });
});
