import { describe, expect, it } from 'vitest';
import { emptyTrie, hashOf, trieDelete, trieGet, trieSet } from './keyTrie';

/** Two keys whose 32-bit hashes are equal: they must share a bucket and stay apart in it. */
function collidingPair(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const key = `k${i}`;
    const other = seen.get(hashOf(key));
    if (other !== undefined) return [other, key];
    seen.set(hashOf(key), key);
  }
}

describe('the key trie', () => {
  it('keeps keys with one hash apart, and deletes one without the other', () => {
    const [a, b] = collidingPair();
    expect(hashOf(a)).toBe(hashOf(b));
    const both = trieSet(trieSet(emptyTrie, a, 1), b, 2);
    expect([trieGet(both, a), trieGet(both, b)]).toEqual([1, 2]);
    const onlyB = trieDelete(both, a);
    expect([trieGet(onlyB, a), trieGet(onlyB, b)]).toEqual([undefined, 2]);
    expect([trieGet(both, a), trieGet(both, b)]).toEqual([1, 2]);
    expect(trieGet(trieSet(both, a, 9), a)).toBe(9);
  });

  it('finds each of many keys, and versions stay as they were', () => {
    let trie = emptyTrie;
    const versions = [];
    for (let i = 0; i < 5000; i++) {
      trie = trieSet(trie, `t${i}`, i);
      if (i % 1000 === 0) versions.push(trie);
    }
    for (let i = 0; i < 5000; i++) expect(trieGet(trie, `t${i}`)).toBe(i);
    expect(trieGet(versions[1] ?? emptyTrie, 't1000')).toBe(1000);
    expect(trieGet(versions[1] ?? emptyTrie, 't1001')).toBeUndefined();
    expect(trieGet(trieDelete(trie, 'missing'), 't7')).toBe(7);
  });
});
