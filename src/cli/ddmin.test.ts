import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ddmin } from './ddmin';

describe('ddmin (delta debugging)', () => {
  it('keeps exactly the items a failure needs, in their order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(fc.constant(n), fc.subarray([...Array(n).keys()]))),
        ([n, needed]) => {
          const items = [...Array(n).keys()];
          const fails = (subset: readonly number[]) => needed.every((i) => subset.includes(i));
          expect(ddmin(items, fails)).toEqual(needed);
        },
      ),
    );
  });

  it('returns a 1-minimal subsequence when the failure needs any two of a group', () => {
    const items = [...Array(40).keys()];
    // Fails with two of {3, 17, 29} and item 11: several minimal answers, every one of them of size 3.
    const fails = (s: readonly number[]) => s.includes(11) && [3, 17, 29].filter((i) => s.includes(i)).length >= 2;
    const kept = ddmin(items, fails);
    expect(fails(kept)).toBe(true);
    expect(kept).toHaveLength(3);
    for (const item of kept) expect(fails(kept.filter((i) => i !== item))).toBe(false);
  });

  it('asks each subset once, and stops when the budget is spent with a failing subsequence', () => {
    const items = [...Array(100).keys()];
    const asked: string[] = [];
    const fails = (s: readonly number[]) => {
      asked.push(s.join(','));
      return s.includes(42) && s.includes(7);
    };
    expect(ddmin(items, fails)).toEqual([7, 42]);
    expect(new Set(asked).size).toBe(asked.length);

    let calls = 0;
    const cut = ddmin(
      items,
      (s) => {
        calls++;
        return fails(s);
      },
      () => calls >= 5,
    );
    expect(calls).toBe(5);
    expect(fails(cut)).toBe(true);
    expect(cut.length).toBeGreaterThan(2);
  });

  it('returns no item when the failure needs none', () => {
    expect(ddmin([1, 2, 3], () => true)).toEqual([]);
  });
});
