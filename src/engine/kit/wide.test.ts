import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashValue } from '../trace';
import { dict } from './dict';
import { CHUNK, Wide } from './wide';

/** Keys as users and JavaScript make them: names, inherited names, array indices and near-indices. */
const key = fc.oneof(
  fc.constantFrom('t1', 't2', 'constructor', '__proto__', 'toString', '0', '7', '42', '4294967294', '4294967295'),
  fc.constantFrom('01', '-1', '1.5', '1e3', ''),
  fc.nat({ max: 300 }).map(String),
  fc.string({ maxLength: 4 }),
);
const value = fc.oneof(
  fc.integer(),
  fc.constantFrom(null, undefined, 'yes', true),
  fc.record({ state: fc.constantFrom('prepared', 'committed'), vote: fc.constantFrom('yes', null) }),
);
type Op =
  | { readonly kind: 'set'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'delete'; readonly key: string };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('set' as const), key, value }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), key }) },
);

/** Plays the same updates on a Wide and on a prototype-free object, the way the 2PC context used to be kept. */
function both(ops: readonly Op[]): { wide: Wide<unknown>; plain: Record<string, unknown>; versions: Wide<unknown>[] } {
  let wide = Wide.empty<unknown>();
  const plain = dict<unknown>();
  const versions = [wide];
  for (const o of ops) {
    if (o.kind === 'set') {
      wide = wide.set(o.key, o.value);
      plain[o.key] = o.value;
    } else {
      wide = wide.delete(o.key);
      delete plain[o.key];
    }
    versions.push(wide);
  }
  return { wide, plain, versions };
}

describe('a wide record reads as the plain object with the same history', () => {
  it('the same entries in the same order, the same JSON, the same lookups', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const { wide, plain } = both(ops);
        expect([...wide.entries()]).toEqual(Object.entries(plain));
        expect(JSON.stringify(wide)).toBe(JSON.stringify(plain));
        expect(wide.size).toBe(Object.keys(plain).length);
        expect(wide.last()).toEqual(Object.entries(plain).at(-1));
        for (const o of ops) {
          expect(wide.has(o.key)).toBe(Object.hasOwn(plain, o.key));
          expect(wide.get(o.key)).toBe(plain[o.key]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the same trace hash as the plain object, inside a view too', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const { wide, plain, versions } = both(ops);
        expect(hashValue(wide)).toEqual(hashValue(plain));
        expect(hashValue({ role: 'x', transactions: wide })).toEqual(hashValue({ role: 'x', transactions: plain }));
        // Every earlier version too, hashed after the later ones (the chunk cache must not leak between them).
        let replay = dict<unknown>();
        for (let i = 0; i < versions.length; i++) {
          expect(hashValue(versions[i])).toEqual(hashValue(replay));
          const o = ops[i];
          if (!o) break;
          replay = Object.assign(dict<unknown>(), replay);
          if (o.kind === 'set') replay[o.key] = o.value;
          else delete replay[o.key];
        }
      }),
      { numRuns: 150 },
    );
  });

  it('earlier versions stay as they were (persistent: a rewound run keeps its views)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const { versions } = both(ops);
        const frozen = versions.map((v) => JSON.stringify(v));
        both(ops); // more updates of other versions change nothing here
        const again = versions.map((v) => v.set('late', 1));
        expect(versions.map((v) => JSON.stringify(v))).toEqual(frozen);
        expect(again.every((v) => v.get('late') === 1)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('an update shares what it did not touch', () => {
  const grown = (n: number) => Wide.from(Array.from({ length: n }, (_, i) => [`t${i + 1}`, { state: 'prepared' }]));

  it('appending to a full record adds one chunk and shares all the others', () => {
    const before = grown(CHUNK * 10);
    const after = before.set('t-new', { state: 'prepared' });
    expect(after.chunks.length).toBe(before.chunks.length + 1);
    expect(after.chunks.slice(0, -1).every((chunk, i) => chunk === before.chunks[i])).toBe(true);
  });

  it('replacing one entry copies one chunk; its neighbours are the same objects', () => {
    const before = grown(CHUNK * 10);
    const after = before.set(`t${CHUNK * 4 + 3}`, { state: 'committed' });
    const differing = after.chunks.filter((chunk, i) => chunk !== before.chunks[i]);
    expect(differing).toHaveLength(1);
    expect(differing[0]?.keys).toBe(before.chunks[4]?.keys);
  });

  it('setting the value it already holds is no change at all', () => {
    const before = grown(100);
    expect(before.set('t7', before.get('t7') as { state: string })).toBe(before);
  });

  it('changedSince names just the entries a step added or replaced', () => {
    const before = grown(CHUNK * 6);
    const after = before.set('t5', { state: 'committed' }).set('t-new', { state: 'prepared' });
    expect([...after.changedSince(before)].map(([k]) => k)).toEqual(['t5', 't-new']);
    expect([...after.changedSince(after)]).toEqual([]);
  });

  it('map keeps a mapped chunk per chunk: a map of the next version maps one chunk', () => {
    const memo = new WeakMap();
    let calls = 0;
    const f = (v: { state: string }) => {
      calls++;
      return v.state;
    };
    const before = grown(CHUNK * 6);
    const first = before.map(f, memo);
    expect(calls).toBe(CHUNK * 6);
    const second = before.set('t3', { state: 'committed' }).map(f, memo);
    expect(calls).toBe(CHUNK * 7);
    expect(second.get('t3')).toBe('committed');
    expect(second.chunks.slice(1)).toEqual(first.chunks.slice(1));
    expect(second.chunks.slice(1).every((c, i) => c === first.chunks[i + 1])).toBe(true);
  });
});
