import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredObject, VvObject } from './types';
import { isCovered, isSame, mergeVv, readValue, reconcile, vvWrite } from './versions';

/** Histories of writes through three coordinators, each with the context of some earlier version. */
const writes = fc.array(
  fc.record({ node: fc.constantFrom('n1', 'n2', 'n3'), value: fc.integer({ min: 1, max: 99 }), from: fc.nat(8) }),
  { minLength: 1, maxLength: 8 },
);

/** Replays writes: each coordinator holds its own replica, and a write's context is the version it read. */
function versionsOf(plan: readonly { node: string; value: number; from: number }[]): VvObject[] {
  const held = new Map<string, StoredObject | null>();
  const seen: VvObject[] = [{ kind: 'vv', siblings: [] }];
  for (const w of plan) {
    const read = seen[w.from % seen.length] as VvObject;
    const context = Object.assign({}, ...read.siblings.map((s) => ({ ...s.seen, [s.dot[0]]: s.dot[1] })));
    const next = vvWrite(held.get(w.node) ?? null, w.node, w.value, context);
    held.set(w.node, next);
    seen.push(next);
  }
  return seen;
}

describe('version vectors (Dynamo §4.4)', () => {
  it('reconciling is commutative, associative and idempotent, so replicas converge whatever the order', () => {
    fc.assert(
      fc.property(writes, fc.nat(), fc.nat(), fc.nat(), (plan, i, j, k) => {
        const v = versionsOf(plan);
        const [a, b, c] = [v[i % v.length], v[j % v.length], v[k % v.length]] as [VvObject, VvObject, VvObject];
        expect(isSame(mergeVv(a, b), mergeVv(b, a))).toBe(true);
        expect(mergeVv(mergeVv(a, b), c)).toEqual(mergeVv(a, mergeVv(b, c)));
        expect(mergeVv(a, a)).toEqual(a);
        expect(isCovered(a, mergeVv(a, b))).toBe(true);
      }),
    );
  });

  it('a write with a read context supersedes what was read; a blind write beside it is a sibling', () => {
    const first = vvWrite(null, 'n1', 1, {});
    const second = vvWrite(first, 'n1', 2, { n1: 1 });
    expect(readValue(second)).toBe(2);
    const blind = vvWrite(first, 'n1', 3, {});
    expect(readValue(blind)).toBe('[1,3]');
  });

  it('last write wins orders by timestamp, then node id, then value; by arrival it keeps the newcomer', () => {
    const a: StoredObject = { kind: 'lww', value: 1, ts: [100, 'n2'] };
    const b: StoredObject = { kind: 'lww', value: 2, ts: [100, 'n1'] };
    expect(reconcile(a, b)).toBe(a);
    expect(reconcile(b, a)).toBe(a);
    expect(reconcile(a, b, true)).toBe(b);
  });
});
