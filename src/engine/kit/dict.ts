/**
 * Records keyed by user text (transaction ids, commands, node ids). A plain object answers `constructor`,
 * `toString` or `__proto__` from Object.prototype, so a transaction called `constructor` looked known
 * before it began. These records have no prototype, and reads ask for own keys only, so every name is an
 * ordinary name. Keys keep JavaScript's order (integer-like first, then insertion), and JSON.stringify
 * writes a null-prototype record exactly as it writes a plain one, so views and trace hashes are unchanged.
 */

import { Wide } from './wide';

export type Dict<V> = Readonly<Record<string, V>>;

/** A record keyed by user text: a prototype-free object, or a wide record (wide.ts) where it grows with the run. */
export type Keyed<V> = Dict<V> | Wide<V>;

/** An empty record with no prototype, optionally filled from entries in order. */
export function dict<V>(entries: Iterable<readonly [string, V]> = []): Record<string, V> {
  const out = Object.create(null) as Record<string, V>;
  // With no prototype there is no `__proto__` setter: assignment makes an own key like any other.
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** The value at `key` if the record itself holds it; never one inherited from a prototype. */
export function own<V>(record: Keyed<V>, key: string): V | undefined {
  if (record instanceof Wide) return record.get(key);
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether the record itself holds `key`. */
export function hasKey(record: Keyed<unknown>, key: string): boolean {
  return record instanceof Wide ? record.has(key) : Object.hasOwn(record, key);
}

/** The entries in key order, of either kind of record (what `Object.entries` gives for a plain one). */
export function entriesOf<V>(record: Keyed<V>): Iterable<[string, V]> {
  return record instanceof Wide ? record.entries() : Object.entries(record);
}

/** How many entries the record holds. */
export function sizeOf(record: Keyed<unknown>): number {
  return record instanceof Wide ? record.size : Object.keys(record).length;
}

/** The last entry in key order, or undefined when there is none. */
export function lastEntry<V>(record: Keyed<V>): [string, V] | undefined {
  return record instanceof Wide ? record.last() : Object.entries(record).at(-1);
}

/**
 * The entries of `after` that are new or replaced (by identity) since `before`: for two wide records
 * only the chunks they do not share are looked at (wide.ts), for plain ones every entry.
 */
export function changedEntries<V>(before: Keyed<V> | undefined, after: Keyed<V>): Iterable<[string, V]> {
  if (after instanceof Wide && (before === undefined || before instanceof Wide)) return after.changedSince(before);
  return [...entriesOf(after)].filter(
    ([key, value]) => before === undefined || !hasKey(before, key) || own(before, key) !== value,
  );
}

/** A copy of `record` with `key` set to `value`: the immutable update, without a prototype. */
export function withEntry<V>(record: Dict<V>, key: string, value: V): Dict<V> {
  // Object.assign sets keys on a prototype-free target, where `__proto__` is an own key like any other.
  const out: Record<string, V> = Object.assign(Object.create(null), record);
  out[key] = value;
  return out;
}
