/**
 * Records keyed by user text (transaction ids, commands, node ids). A plain object answers `constructor`,
 * `toString` or `__proto__` from Object.prototype, so a transaction called `constructor` looked known
 * before it began. These records have no prototype, and reads ask for own keys only, so every name is an
 * ordinary name. Keys keep JavaScript's order (integer-like first, then insertion), and JSON.stringify
 * writes a null-prototype record exactly as it writes a plain one, so views and trace hashes are unchanged.
 */

export type Dict<V> = Readonly<Record<string, V>>;

/** An empty record with no prototype, optionally filled from entries in order. */
export function dict<V>(entries: Iterable<readonly [string, V]> = []): Record<string, V> {
  const out = Object.create(null) as Record<string, V>;
  // With no prototype there is no `__proto__` setter: assignment makes an own key like any other.
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** The value at `key` if the record itself holds it; never one inherited from a prototype. */
export function own<V>(record: Dict<V>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A copy of `record` with `key` set to `value`: the immutable update, without a prototype. */
export function withEntry<V>(record: Dict<V>, key: string, value: V): Dict<V> {
  // Object.assign sets keys on a prototype-free target, where `__proto__` is an own key like any other.
  const out: Record<string, V> = Object.assign(Object.create(null), record);
  out[key] = value;
  return out;
}
