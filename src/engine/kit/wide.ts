import { emptyTrie, type TrieNode, trieDelete, trieGet, trieSet } from './keyTrie';

/**
 * A wide record: a node's map of many keyed items (one entry per request it ever saw), kept whole in
 * every view the trace records. As a plain object each update copied every entry, and each recorded view
 * held its own copy: a run of n items cost n² in time and in memory. A Wide is persistent instead
 * (Driscoll, Sarnak, Sleator and Tarjan, "Making data structures persistent", 1989): its entries sit in
 * fixed-size chunks, in the order JavaScript gives an object's keys (ECMA-262 §10.1.11.1
 * OrdinaryOwnPropertyKeys: array indices ascending, then the other strings in the order they were added),
 * and an update copies one chunk and the chunk index, sharing every other chunk with the version before.
 *
 * It reads, iterates and serialises exactly as the plain object with the same history would: `toJSON`
 * writes that object, so the runner's JSON and `--trace` lines are unchanged, and the trace hash folds a
 * Wide chunk by chunk to the very hash of that object (trace.ts). Keys are any strings, `__proto__` and
 * `constructor` too (there is no prototype to reach). Lookups go through a persistent trie (keyTrie.ts).
 */

/** Entries per chunk: an update copies one chunk, so small; the index holds n / CHUNK chunks. */
export const CHUNK = 32;

/** Consecutive entries in key order. Immutable: a chunk is shared by every version that did not touch it. */
export interface WideChunk<V> {
  readonly keys: readonly string[];
  /** Each key's place in the order: an array index's value, or 2^32 plus its insertion number. */
  readonly places: readonly number[];
  readonly values: readonly V[];
}

const STRINGS = 2 ** 32;

/** An array index (ECMA-262 §6.1.7): a canonical numeric string of an integer below 2^32 - 1. */
function indexPlace(key: string): number | undefined {
  if (key.length === 0 || key.length > 10) return undefined;
  const n = Number(key);
  return Number.isInteger(n) && n >= 0 && n < STRINGS - 1 && String(n) === key ? n : undefined;
}

export class Wide<V> {
  private constructor(
    /** The chunks in key order, none empty. */
    readonly chunks: readonly WideChunk<V>[],
    /** The first place of each chunk, for a binary search. */
    private readonly firsts: readonly number[],
    private readonly trie: TrieNode,
    readonly size: number,
    /** The insertion number the next new non-index key gets. */
    private readonly added: number,
  ) {}

  static empty<V>(): Wide<V> {
    return new Wide<V>([], [], emptyTrie, 0, 0);
  }

  /** A Wide holding `entries` set in order, as assignments to a fresh object would leave them. */
  static from<V>(entries: Iterable<readonly [string, V]>): Wide<V> {
    let w = Wide.empty<V>();
    for (const [key, value] of entries) w = w.set(key, value);
    return w;
  }

  /** The record itself if it is a Wide, else a Wide of a plain record's entries in their order. */
  static of<V>(record: Wide<V> | Readonly<Record<string, V>>): Wide<V> {
    return record instanceof Wide ? record : Wide.from(Object.entries(record));
  }

  get(key: string): V | undefined {
    const place = trieGet(this.trie, key);
    if (place === undefined) return undefined;
    const chunk = this.chunks[this.chunkOf(place)] as WideChunk<V>;
    return chunk.values[search(chunk.places, place)];
  }

  has(key: string): boolean {
    return trieGet(this.trie, key) !== undefined;
  }

  /** This record with `key` set to `value`: a new key goes where JavaScript would put it. */
  set(key: string, value: V): Wide<V> {
    const known = trieGet(this.trie, key);
    if (known !== undefined) {
      const c = this.chunkOf(known);
      const chunk = this.chunks[c] as WideChunk<V>;
      const at = search(chunk.places, known);
      if (chunk.values[at] === value) return this;
      const values = chunk.values.slice();
      values[at] = value;
      return this.withChunks(c, 1, [{ keys: chunk.keys, places: chunk.places, values }], this.trie, 0, 0);
    }
    const index = indexPlace(key);
    const place = index ?? STRINGS + this.added;
    const trie = trieSet(this.trie, key, place);
    const added = index === undefined ? 1 : 0;
    if (this.chunks.length === 0)
      return this.withChunks(0, 0, [{ keys: [key], places: [place], values: [value] }], trie, 1, added);
    const c = this.chunkOf(place);
    const chunk = this.chunks[c] as WideChunk<V>;
    const at = insertionPoint(chunk.places, place);
    const isLastPlace = c === this.chunks.length - 1 && at === chunk.keys.length;
    // Appending past a full last chunk starts a new one, so a record that only grows keeps its chunks full.
    if (isLastPlace && chunk.keys.length >= CHUNK) {
      return this.withChunks(c + 1, 0, [{ keys: [key], places: [place], values: [value] }], trie, 1, added);
    }
    const keys = insertAt(chunk.keys, at, key);
    const places = insertAt(chunk.places, at, place);
    const values = insertAt(chunk.values, at, value);
    if (keys.length <= CHUNK) return this.withChunks(c, 1, [{ keys, places, values }], trie, 1, added);
    const half = keys.length >> 1;
    const split = [
      { keys: keys.slice(0, half), places: places.slice(0, half), values: values.slice(0, half) },
      { keys: keys.slice(half), places: places.slice(half), values: values.slice(half) },
    ];
    return this.withChunks(c, 1, split, trie, 1, added);
  }

  /** This record without `key`; a key set again later goes to the end, as after `delete` on an object. */
  delete(key: string): Wide<V> {
    const known = trieGet(this.trie, key);
    if (known === undefined) return this;
    const c = this.chunkOf(known);
    const chunk = this.chunks[c] as WideChunk<V>;
    const at = search(chunk.places, known);
    const trie = trieDelete(this.trie, key);
    if (chunk.keys.length === 1) return this.withChunks(c, 1, [], trie, -1, 0);
    const without = <T>(list: readonly T[]) => list.filter((_, i) => i !== at);
    const rest = { keys: without(chunk.keys), places: without(chunk.places), values: without(chunk.values) };
    return this.withChunks(c, 1, [rest], trie, -1, 0);
  }

  *entries(): IterableIterator<[string, V]> {
    for (const chunk of this.chunks)
      for (let i = 0; i < chunk.keys.length; i++) yield [chunk.keys[i] as string, chunk.values[i] as V];
  }

  *keys(): IterableIterator<string> {
    for (const chunk of this.chunks) yield* chunk.keys;
  }

  *values(): IterableIterator<V> {
    for (const chunk of this.chunks) yield* chunk.values;
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }

  /** The last entry in key order, the one a plain object's `Object.entries(...).at(-1)` gives. */
  last(): [string, V] | undefined {
    const chunk = this.chunks[this.chunks.length - 1];
    if (!chunk) return undefined;
    const i = chunk.keys.length - 1;
    return [chunk.keys[i] as string, chunk.values[i] as V];
  }

  /** The plain object (prototype-free) with these entries in this order: what JSON.stringify writes. */
  toJSON(): Record<string, V> {
    const out = Object.create(null) as Record<string, V>;
    for (const [key, value] of this.entries()) out[key] = value;
    return out;
  }

  /**
   * The same keys, in the same chunks, with each value replaced by `f(value)`: chunks share the key arrays,
   * the index and the trie of this record. `memo` keeps the mapped chunk of each chunk (by identity), so
   * a map of the next version maps only the chunks that changed.
   */
  map<W>(f: (value: V) => W, memo: WeakMap<WideChunk<V>, WideChunk<W>>): Wide<W> {
    const chunks = this.chunks.map((chunk) => {
      let mapped = memo.get(chunk);
      if (mapped === undefined) {
        mapped = { keys: chunk.keys, places: chunk.places, values: chunk.values.map(f) };
        memo.set(chunk, mapped);
      }
      return mapped;
    });
    return new Wide<W>(chunks, this.firsts, this.trie, this.size, this.added);
  }

  /**
   * The entries of this record whose values are not, by identity, those `before` holds at their keys:
   * what an update since `before` added or replaced. Chunks both share are skipped whole, so a step that
   * changed one entry costs one chunk, not the record.
   */
  *changedSince(before: Wide<V> | undefined): IterableIterator<[string, V]> {
    const shared = new Set(before?.chunks);
    for (const chunk of this.chunks) {
      if (shared.has(chunk)) continue;
      for (let i = 0; i < chunk.keys.length; i++) {
        const key = chunk.keys[i] as string;
        const value = chunk.values[i] as V;
        if (before === undefined || before.get(key) !== value || !before.has(key)) yield [key, value];
      }
    }
  }

  /** The chunk whose range holds `place` (the last one starting at or before it; the first if none does). */
  private chunkOf(place: number): number {
    let lo = 0;
    let hi = this.firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.firsts[mid] as number) <= place) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A new version: `count` chunks from `at` replaced by `replacement`. */
  private withChunks(
    at: number,
    count: number,
    replacement: readonly WideChunk<V>[],
    trie: TrieNode,
    sizeChange: number,
    added: number,
  ): Wide<V> {
    const chunks = this.chunks.slice();
    chunks.splice(at, count, ...replacement);
    const firsts = this.firsts.slice();
    firsts.splice(at, count, ...replacement.map((chunk) => chunk.places[0] as number));
    return new Wide(chunks, firsts, trie, this.size + sizeChange, this.added + added);
  }
}

/** The index of `place` in a sorted list that holds it. */
function search(places: readonly number[], place: number): number {
  let lo = 0;
  let hi = places.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((places[mid] as number) < place) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where `place` goes in a sorted list that does not hold it. */
function insertionPoint(places: readonly number[], place: number): number {
  let lo = 0;
  let hi = places.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((places[mid] as number) < place) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertAt<T>(list: readonly T[], at: number, item: T): T[] {
  const out = list.slice(0, at);
  out.push(item);
  for (let i = at; i < list.length; i++) out.push(list[i] as T);
  return out;
}
