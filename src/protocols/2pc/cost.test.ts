import { describe, expect, it } from 'vitest';
import { Wide } from '../../engine/kit';
import { hashValue } from '../../engine/trace';
import type { TraceRecord } from '../../engine/types';
import { play } from './testkit';

/**
 * Why 2PC's cost per transaction stays flat (issue 10), as structural facts rather than timings: each
 * `state` record shares all but a chunk or two of its transactions with the node's record before, so the
 * records of a run of n transactions hold about n entries between them, not n²; and each still hashes and
 * prints as the plain object it stands for.
 */
const COUNT = 400;
const events = Array.from({ length: COUNT }, (_, i) => ({ at: 100 + i * 10, type: 'request', command: `t${i + 1}` }));
const sim = play({ nodes: 4, events }, 100 + COUNT * 10 + 3000);
type StateRecord = Extract<TraceRecord, { kind: 'state' }>;
const states = sim.trace.filter((r): r is StateRecord => r.kind === 'state');
const transactionsOf = (r: StateRecord) => r.state.transactions as Wide<unknown>;

describe('2PC state records share what did not change', () => {
  it('every transaction is decided, and each node wrote a record per change', () => {
    for (const node of sim.nodeIds()) expect(sim.view(node)?.transactions).toBeInstanceOf(Wide);
    expect((sim.view('n1')?.transactions as Wide<unknown> | undefined)?.size).toBe(COUNT);
    expect(states.length).toBeGreaterThan(COUNT * 4);
  });

  it('consecutive records of a node differ in at most two chunks (the changed one and a new last one)', () => {
    for (const node of sim.nodeIds()) {
      const mine = states.filter((r) => r.node === node).map(transactionsOf);
      for (let i = 1; i < mine.length; i++) {
        const before = new Set((mine[i - 1] as Wide<unknown>).chunks);
        const fresh = (mine[i] as Wide<unknown>).chunks.filter((chunk) => !before.has(chunk));
        expect(fresh.length).toBeLessThanOrEqual(2);
      }
    }
  });

  it('all the records together hold a few entries per transaction, not one per transaction per record', () => {
    const chunks = new Set(states.flatMap((r) => transactionsOf(r).chunks));
    const held = [...chunks].reduce((sum, chunk) => sum + chunk.keys.length, 0);
    const written = states.reduce((sum, r) => sum + transactionsOf(r).size, 0);
    // Each record written whole would hold `written` entries (about n² / 2 per node); shared, the records
    // hold at most a chunk's worth per record (each record copies at most one chunk of 32 and starts at most one new one).
    expect(written).toBeGreaterThan(COUNT * COUNT);
    expect(held).toBeLessThanOrEqual(states.length * 33);
    expect(held * 5).toBeLessThan(written);
  });

  it('each record hashes and prints exactly as its plain-object copy', () => {
    for (const r of states.filter((_, i) => i % 97 === 0)) {
      const plain = JSON.parse(JSON.stringify(r));
      // The transactions themselves: a whole view's hash is remembered cut to 53 bits (trace.ts), a copy's is not.
      expect(hashValue(transactionsOf(r))).toEqual(hashValue(plain.state.transactions));
      expect(JSON.stringify(plain)).toBe(JSON.stringify(r));
      expect(Object.keys(plain.state.transactions)).toEqual([...transactionsOf(r).keys()]);
    }
  });
});
