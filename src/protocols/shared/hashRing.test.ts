import { describe, expect, it } from 'vitest';
import { buildRing, ownerOf, preferenceList, rangesOf, ringHash, shareOf, successorIndex, tokensOf } from './hashRing';

describe('the hash ring', () => {
  it('hashes UTF-8 with MurmurHash3 x86_32, seed 0, as the reference implementation does', () => {
    // Appleby's SMHasher MurmurHash3_x86_32: "" -> 0, "hello" -> 0x248bfa47.
    expect(ringHash('')).toBe(0);
    expect(ringHash('hello')).toBe(0x248bfa47);
    // Non-ASCII text hashes its UTF-8 bytes, not its UTF-16 code units.
    expect(ringHash('héllo')).not.toBe(ringHash('h\u00e9llo'.normalize('NFD')));
  });

  it("gives node X the tokens hash('X#0') .. hash('X#v-1')", () => {
    expect(tokensOf('n1', 3)).toEqual([ringHash('n1#0'), ringHash('n1#1'), ringHash('n1#2')]);
  });

  it('places a key at the first token at or clockwise after its hash, wrapping past the top', () => {
    const ring = buildRing(['a', 'b'], 0, (node) => (node === 'a' ? [100] : [200]));
    expect(successorIndex(ring, 100)).toBe(0);
    expect(successorIndex(ring, 101)).toBe(1);
    expect(successorIndex(ring, 201)).toBe(0);
    const key = 'k0';
    const h = ringHash(key);
    expect(ownerOf(ring, key)).toBe(h <= 100 || h > 200 ? 'a' : 'b');
  });

  it('breaks equal tokens by the members order', () => {
    const ring = buildRing(['b', 'a'], 0, () => [7]);
    expect(ring.tokens.map((t) => t.node)).toEqual(['b', 'a']);
  });

  it("lists a key's first n distinct members clockwise, walking past skipped ones", () => {
    const ring = buildRing(['n1', 'n2', 'n3', 'n4'], 8);
    const list = preferenceList(ring, 'x', 3);
    expect(new Set(list).size).toBe(3);
    expect(list[0]).toBe(ownerOf(ring, 'x'));
    const skipped = preferenceList(ring, 'x', 3, (node) => node === list[0]);
    expect(skipped).not.toContain(list[0]);
    expect(skipped.slice(0, 2)).toEqual(list.slice(1));
    expect(preferenceList(ring, 'x', 9)).toHaveLength(4);
  });

  it('splits the whole ring among the members, each range owned by the token that ends it', () => {
    const members = ['n1', 'n2', 'n3'];
    const ring = buildRing(members, 16);
    const total = members.reduce((sum, m) => sum + shareOf(ring, m), 0);
    expect(total).toBeCloseTo(1, 9);
    for (const [start, end] of rangesOf(ring, 'n2')) {
      expect(ring.tokens[successorIndex(ring, end)]?.node).toBe('n2');
      expect(ring.tokens[successorIndex(ring, (start + 1) % 2 ** 32)]?.node).toBe('n2');
    }
    expect(shareOf(buildRing(['solo'], 4), 'solo')).toBe(1);
  });
});
