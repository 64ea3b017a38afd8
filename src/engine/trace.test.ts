import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashValue } from './trace';

const wide = (n: number) => {
  const out: Record<string, { state: string; vote: string | null }> = {};
  for (let i = 1; i <= n; i++) out[`t${i}`] = { state: i % 3 ? 'committed' : 'aborted', vote: i % 2 ? 'yes' : null };
  return out;
};

describe('hashing a wide object resumes the fold of one hashed before', () => {
  it('gives the same hash as hashing a fresh copy, whatever changed since', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 299 }), fc.nat(3), (n, at, how) => {
        const before = wide(n);
        hashValue(before);
        const key = `t${(at % n) + 1}`;
        const after: Record<string, unknown> = { ...before };
        if (how === 0) after[key] = { state: 'prepared', vote: 'yes' };
        if (how === 1) delete after[key];
        if (how === 2) after[`t${n + 1}`] = { state: 'working', vote: null };
        if (how === 3) after[key] = undefined;
        expect(hashValue(after)).toEqual(hashValue(structuredClone(after)));
        expect(hashValue(before)).toEqual(hashValue(structuredClone(before)));
      }),
      { numRuns: 200 },
    );
  });
});
