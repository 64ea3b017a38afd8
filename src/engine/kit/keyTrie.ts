/**
 * A persistent map from a string to a number (a key's place in a wide record, wide.ts): a hash array
 * mapped trie (Bagwell, "Ideal Hash Trees", 2001) with 32-way nodes, five bits of the key's hash per
 * level. An update copies one path, about log32(n) nodes of 32 slots; every version stays valid, so a
 * run's earlier views and a rewound branch keep theirs.
 */

/** Keys whose hashes are equal in all 32 bits share a bucket. */
interface Bucket {
  readonly hash: number;
  readonly keys: readonly string[];
  readonly places: readonly number[];
}

type Slot = TrieNode | Bucket | undefined;
export type TrieNode = readonly Slot[];

const BITS = 5;
const MASK = 31;

export const emptyTrie: TrieNode = [];

/** FNV-1a over the key's UTF-16 code units. */
export function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const isNode = (slot: Slot): slot is TrieNode => Array.isArray(slot);

export function trieGet(root: TrieNode, key: string): number | undefined {
  const hash = hashOf(key);
  let node = root;
  for (let shift = 0; ; shift += BITS) {
    const slot = node[(hash >>> shift) & MASK];
    if (slot === undefined) return undefined;
    if (!isNode(slot)) {
      if (slot.hash !== hash) return undefined;
      const at = slot.keys.indexOf(key);
      return at < 0 ? undefined : slot.places[at];
    }
    node = slot;
  }
}

/** A trie where `key` maps to `place`. */
export function trieSet(root: TrieNode, key: string, place: number): TrieNode {
  return setIn(root, hashOf(key), key, place, 0);
}

function setIn(node: TrieNode, hash: number, key: string, place: number, shift: number): TrieNode {
  const i = (hash >>> shift) & MASK;
  const slot = node[i];
  let next: Slot;
  if (slot === undefined) next = { hash, keys: [key], places: [place] };
  else if (isNode(slot)) next = setIn(slot, hash, key, place, shift + BITS);
  else if (slot.hash === hash) {
    const at = slot.keys.indexOf(key);
    next =
      at < 0
        ? { hash, keys: [...slot.keys, key], places: [...slot.places, place] }
        : { hash, keys: slot.keys, places: slot.places.map((p, j) => (j === at ? place : p)) };
  } else {
    // Two hashes that differ part at some level below: the old bucket moves one level down.
    const below: Slot[] = [];
    below[(slot.hash >>> (shift + BITS)) & MASK] = slot;
    next = setIn(below, hash, key, place, shift + BITS);
  }
  const copy = node.slice();
  copy[i] = next;
  return copy;
}

/** A trie without `key` (the same trie when it had none). */
export function trieDelete(root: TrieNode, key: string): TrieNode {
  return deleteIn(root, hashOf(key), key, 0);
}

function deleteIn(node: TrieNode, hash: number, key: string, shift: number): TrieNode {
  const i = (hash >>> shift) & MASK;
  const slot = node[i];
  if (slot === undefined) return node;
  let next: Slot;
  if (isNode(slot)) {
    next = deleteIn(slot, hash, key, shift + BITS);
    if (next === slot) return node;
  } else {
    const at = slot.hash === hash ? slot.keys.indexOf(key) : -1;
    if (at < 0) return node;
    next =
      slot.keys.length === 1
        ? undefined
        : {
            hash,
            keys: slot.keys.filter((_, j) => j !== at),
            places: slot.places.filter((_, j) => j !== at),
          };
  }
  const copy = node.slice();
  copy[i] = next;
  return copy;
}
