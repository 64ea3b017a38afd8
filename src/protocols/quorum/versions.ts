import type { NodeId } from '../../engine/types';
import type { Clock, LwwObject, Sibling, StoredObject, VvObject } from './types';

/**
 * Versions and how they reconcile. `vv` (Dynamo §4.4): a version that saw another replaces it ("syntactic
 * reconciliation"); versions that did not see each other are both kept, as siblings for the client to reconcile.
 * `lww` (Cassandra): the higher timestamp wins, ties by node id, then by value, so every replica picks the same.
 */

/** Whether sibling `a` is `b` or is in `b`'s past: `b`'s writer had read it (its context covers `a`'s dot). */
function isSeenBy(a: Sibling, b: Sibling): boolean {
  const [node, n] = a.dot;
  return (b.dot[0] === node && b.dot[1] === n) || (b.seen[node] ?? 0) >= n;
}

const sameDot = (a: Sibling, b: Sibling) => a.dot[0] === b.dot[0] && a.dot[1] === b.dot[1];

const byDot = (a: Sibling, b: Sibling) => (a.dot[0] < b.dot[0] ? -1 : a.dot[0] > b.dot[0] ? 1 : a.dot[1] - b.dot[1]);

/** The siblings of `a` and `b` that no other saw, once each, in dot order: a join, so replicas converge. */
export function mergeVv(a: VvObject, b: VvObject): VvObject {
  const all: Sibling[] = [];
  for (const s of [...a.siblings, ...b.siblings]) if (!all.some((t) => sameDot(s, t))) all.push(s);
  const kept = all.filter((s) => !all.some((t) => !sameDot(s, t) && isSeenBy(s, t)));
  return { kind: 'vv', siblings: kept.sort(byDot) };
}

/** Cassandra's order of two timestamped values: timestamp, then node id, then value. */
export function compareLww(a: LwwObject, b: LwwObject): number {
  if (a.ts[0] !== b.ts[0]) return a.ts[0] - b.ts[0];
  if (a.ts[1] !== b.ts[1]) return a.ts[1] < b.ts[1] ? -1 : 1;
  return a.value - b.value;
}

/**
 * `incoming` reconciled into what a replica holds. With the `lww-by-arrival` bug the version that arrives
 * replaces the one held whatever their timestamps (the "last write wins" of arrival order, not of time).
 */
export function reconcile(held: StoredObject | null, incoming: StoredObject, byArrival = false): StoredObject {
  if (held === null) return incoming;
  if (held.kind === 'vv' && incoming.kind === 'vv') return mergeVv(held, incoming);
  if (held.kind === 'lww' && incoming.kind === 'lww') {
    if (byArrival) return incoming;
    return compareLww(incoming, held) > 0 ? incoming : held;
  }
  return incoming;
}

/** Whether `a` holds nothing `b` lacks: `b` covers every version of `a` (reconciling `a` into `b` changes nothing). */
export function isCovered(a: StoredObject | null, b: StoredObject | null): boolean {
  if (a === null) return true;
  if (b === null) return false;
  if (a.kind === 'vv' && b.kind === 'vv') return a.siblings.every((s) => b.siblings.some((t) => isSeenBy(s, t)));
  if (a.kind === 'lww' && b.kind === 'lww') return compareLww(a, b) <= 0;
  return false;
}

/** Whether two replicas hold the same thing. */
export function isSame(a: StoredObject | null, b: StoredObject | null): boolean {
  return isCovered(a, b) && isCovered(b, a);
}

/** A sibling's own vector clock: its context plus its dot (Dynamo's D3 ([Sx,2],[Sy,1]) of Figure 3). */
export function clockOf(s: Sibling): Clock {
  const [node, n] = s.dot;
  return { ...s.seen, [node]: Math.max(n, s.seen[node] ?? 0) };
}

/** Pointwise maximum of clocks: the context a read returns with its siblings (§4.1, §4.4). */
export function joinClocks(clocks: readonly Clock[]): Clock {
  const out: Record<NodeId, number> = {};
  for (const c of clocks) for (const [node, n] of Object.entries(c)) out[node] = Math.max(out[node] ?? 0, n);
  return sortedClock(out);
}

/** A clock with its entries in node order (the view is JSON; equal clocks print alike). */
export function sortedClock(c: Clock): Clock {
  return Object.fromEntries(Object.entries(c).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The context of an object: every version it holds, as one clock. */
export function contextOf(o: StoredObject | null): Clock {
  return o !== null && o.kind === 'vv' ? joinClocks(o.siblings.map(clockOf)) : {};
}

/**
 * A write coordinated by `node` (§4.4: "the coordinator ... generates the vector clock for the new version"):
 * its dot is `node`'s next counter for the key, above every counter of `node` it holds or the context names, so
 * no two versions share a dot; its context is the client's. What the coordinator held and the client had not
 * read stays as siblings (Riak's coordinating put).
 */
export function vvWrite(held: StoredObject | null, node: NodeId, value: number, context: Clock): VvObject {
  const mine = held !== null && held.kind === 'vv' ? held.siblings : [];
  const top = Math.max(
    context[node] ?? 0,
    ...mine.map((s) => Math.max(s.seen[node] ?? 0, s.dot[0] === node ? s.dot[1] : 0)),
  );
  const fresh: Sibling = { value, dot: [node, top + 1], seen: sortedClock(context) };
  return mergeVv({ kind: 'vv', siblings: mine }, { kind: 'vv', siblings: [fresh] });
}

/** The values an object holds, in its siblings' order (one for `lww`). */
export function valuesOf(o: StoredObject | null): number[] {
  if (o === null) return [];
  return o.kind === 'vv' ? o.siblings.map((s) => s.value) : [o.value];
}

/** How a read's result reads in the history: null, one integer, or siblings as a JSON list (`[3,4]`). */
export function readValue(o: StoredObject | null): number | string | null {
  const values = valuesOf(o);
  if (values.length === 0) return null;
  if (values.length === 1) return values[0] as number;
  return JSON.stringify([...values].sort((a, b) => a - b));
}

/** A short text of an object: `3 (n1:2)` or `3 | 4`, `5 @ 120 n2`. */
export function objectText(o: StoredObject | null): string {
  if (o === null) return 'nothing';
  if (o.kind === 'lww') return `${o.value} @${Math.round(o.ts[0])} ${o.ts[1]}`;
  return o.siblings.map((s) => `${s.value} ${clockText(clockOf(s))}`).join(' | ');
}

export function clockText(c: Clock): string {
  const entries = Object.entries(sortedClock(c));
  return entries.length === 0 ? '{}' : `{${entries.map(([k, v]) => `${k}:${v}`).join(', ')}}`;
}
