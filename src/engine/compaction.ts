import { hashValue } from './trace';
import type { Payload, TraceRecord } from './types';

/**
 * Long runs stay light (issue 12, item 7): a trace keeps a record per message and per change of a node's view,
 * and most of its memory is in the values those records carry, not in the records. Those values repeat: a
 * leader sends the same heartbeat to every follower and again every interval until something changes, and
 * every node's log, copied on each append, is at some moment equal to every other node's. Compaction makes
 * records with equal values share one of them: a send record's message, and each field of a `state` record's
 * view (as a fresh view object: the node's live view is never touched).
 *
 * It is lossless: a compacted record is equal to what it was, field for field, key order included, so every
 * reader (timeline markers, the diagram, the log and history panels, `--trace`) sees the same run and the
 * trace hash, computed when the record was written, stays what it was. Records keep their identity, so an
 * index over the trace does not notice. Values are matched within one call only (the caller compacts a
 * stretch of the run at a time), so nothing here outlives a call.
 */
export class Interner {
  private readonly byHash = new Map<string, unknown[]>();

  /** A value equal to `value` that this interner handed out before, or `value` itself from now on. */
  intern<T>(value: T): T {
    if (typeof value !== 'object' || value === null) return value;
    const [a, b] = hashValue(value);
    const key = `${a}:${b}`;
    const known = this.byHash.get(key);
    if (known === undefined) {
      this.byHash.set(key, [value]);
      return value;
    }
    for (const seen of known) if (deepEqual(seen, value)) return seen as T;
    known.push(value);
    return value;
  }
}

/** Makes the records of `trace` in [from, to) share equal values (in place; each record stays the same object). */
export function compactTrace(trace: readonly TraceRecord[], from: number, to: number): void {
  const interner = new Interner();
  const end = Math.min(to, trace.length);
  for (let i = Math.max(0, from); i < end; i++) {
    const record = trace[i] as TraceRecord;
    if (record.kind === 'send') {
      const message = interner.intern(record.message);
      if (message !== record.message) (record as { message: Payload }).message = message;
    } else if (record.kind === 'state') {
      const state = internFields(record.state, interner);
      if (state !== record.state) (record as { state: typeof state }).state = state;
    }
  }
}

/** The view with each object field shared with an equal one seen before; the same view when nothing changed. */
function internFields<V extends Readonly<Record<string, unknown>>>(view: V, interner: Interner): V {
  let copy: Record<string, unknown> | null = null;
  for (const key in view) {
    const value = view[key];
    if (typeof value !== 'object' || value === null) continue;
    const shared = interner.intern(value);
    if (shared === value) continue;
    // A copy in the same key order (the hash and `--trace` follow it), made once per view.
    copy ??= Object.assign({}, view);
    copy[key] = shared;
  }
  return (copy ?? view) as V;
}

/** Structural equality of JSON-like values, key order included (two values the hash and JSON tell apart differ). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const key = ka[i] as string;
    if (key !== kb[i]) return false;
    if (!deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
