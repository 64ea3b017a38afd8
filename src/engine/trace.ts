import { Wide, type WideChunk } from './kit/wide';
import type { TraceRecord } from './types';

/**
 * The trace hash: a 64-bit structural hash (two 32-bit lanes) of every trace record, in order. It hashes
 * values the way JSON.stringify would write them (keys in insertion order, undefined fields left out), so
 * two runs of one scenario print the same hash on any machine.
 *
 * Views and messages are immutable and share structure (a view that did not touch the log shares the
 * log array), so the hash of each long array is cached by identity.
 */
export interface HashState {
  readonly a: number;
  readonly b: number;
}

export const emptyHash: HashState = { a: 0x811c9dc5, b: 0x9e3779b9 };

/**
 * Per-object hashes, by identity. The two lanes are packed into one number of 53 bits (32 of one lane,
 * 21 of the other), so a cached value keeps 53 bits of the hash and the cache holds no arrays.
 */
const cache = new WeakMap<object, number>();
const SHIFT = 2 ** 21;

const P1 = 0x01000193;
const P2 = 0x5bd1e995;

// The hashing below writes its result to (ra, rb) instead of returning a tuple: hashing is the hottest
// path of a run, and a tuple per value kept the garbage collector busy.
let ra = 0;
let rb = 0;

function mixInto(a: number, b: number, x: number, y: number): void {
  let na = Math.imul(a ^ x, P1);
  let nb = Math.imul((b ^ x) + (na >>> 13), P2);
  nb ^= nb >>> 15;
  na = Math.imul(na ^ y, P1);
  nb = Math.imul((nb ^ y) + (na >>> 13), P2);
  ra = na;
  rb = nb ^ (nb >>> 15);
}

function hashString(s: string, tag: number): void {
  let a = 0x811c9dc5 ^ tag;
  let b = 0x9e3779b9 ^ tag;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, P1);
    b = Math.imul(b ^ c, P2);
    b ^= b >>> 15;
  }
  ra = a ^ s.length;
  rb = b;
}

/** Field names recur in every record: their hashes are looked up, not recomputed. */
const keyLanes = new Map<string, readonly [number, number]>();

function hashKey(key: string): void {
  let lanes = keyLanes.get(key);
  if (lanes === undefined) {
    hashString(key, 3);
    lanes = [ra, rb];
    keyLanes.set(key, lanes);
  }
  ra = lanes[0];
  rb = lanes[1];
}

function hashInto(value: unknown): void {
  switch (typeof value) {
    case 'string':
      hashString(value, 1);
      return;
    case 'number':
      if (Number.isInteger(value) && Math.abs(value) < 2 ** 31) mixInto(0x2545f491, 0x3c6ef372, value, 0);
      else hashString(String(value), 2);
      return;
    case 'boolean':
      ra = value ? 0x1b873593 : 0xcc9e2d51;
      rb = value ? 0x85ebca6b : 0xe6546b64;
      return;
    case 'object': {
      if (value === null) {
        ra = 0x27d4eb2f;
        rb = 0x165667b1;
        return;
      }
      const packed = cache.get(value);
      if (packed !== undefined) {
        ra = Math.floor(packed / SHIFT);
        rb = (packed % SHIFT) << 11;
        return;
      }
      let a: number;
      let b: number;
      if (value instanceof Wide) {
        hashWide(value);
        a = ra;
        b = rb;
      } else if (Array.isArray(value)) {
        a = 0x3;
        b = value.length;
        for (const item of value) {
          hashInto(item === undefined ? null : item);
          mixInto(a, b, ra, rb);
          a = ra;
          b = rb;
        }
      } else {
        hashFields(value as Record<string, unknown>);
        a = ra;
        b = rb;
      }
      ra = a >>> 0;
      rb = b >>> 0;
      // Only long arrays (a log) are worth remembering; small values cost less to hash again than to keep.
      // A remembered hash keeps 53 bits, so it is cut to those the first time too.
      if (Array.isArray(value) && value.length >= 8) {
        rb = ((rb >>> 11) << 11) >>> 0;
        cache.set(value, ra * SHIFT + (rb >>> 11));
      }
      return;
    }
    default:
      ra = 0;
      rb = 0;
  }
}

/**
 * A wide object (a node's map of many keyed items, written whole into every `state` record) is hashed
 * field after field like any other, so its hash is a fold over its fields. The fold's
 * lanes after each field of the last few wide objects are remembered: a new wide object that begins with
 * the same fields (the same keys and, by identity, the same immutable values) resumes the fold where they
 * part, so a record that changed one transaction costs comparisons, not a hash of every transaction. The
 * result is exactly the fold's; nothing here changes a hash.
 */
interface WideFold {
  readonly keys: string[];
  readonly values: unknown[];
  readonly a: number[];
  readonly b: number[];
}

/** Objects with this many fields or more are remembered, at most `WIDE_KEPT` of them, the latest first. */
const WIDE = 64;
const WIDE_KEPT = 8;
const wideFolds: WideFold[] = [];

function hashFields(value: Record<string, unknown>): void {
  let a = 0x7;
  let b = 0x11;
  let fold: WideFold | undefined;
  let isMatching = false;
  let i = 0;
  for (const key in value) {
    const v = value[key];
    if (v === undefined || typeof v === 'function') continue;
    if (i === 0 && wideFolds.length > 0) {
      // A loop, not `find`: this runs for every object hashed, and most runs have no wide objects at all.
      for (const f of wideFolds) {
        if (f.keys[0] === key && f.values[0] === v) {
          fold = f;
          break;
        }
      }
      isMatching = fold !== undefined;
    }
    if (isMatching && fold) {
      if (i < fold.keys.length && fold.keys[i] === key && fold.values[i] === v) {
        a = fold.a[i] as number;
        b = fold.b[i] as number;
        i++;
        continue;
      }
      isMatching = false;
      cut(fold, i);
    }
    foldField(a, b, key, v);
    a = ra;
    b = rb;
    i++;
    if (fold) {
      fold.keys.push(key);
      fold.values.push(v);
      fold.a.push(a);
      fold.b.push(b);
    } else if (i === WIDE) {
      fold = foldOf(value, WIDE);
    }
  }
  if (fold) {
    if (isMatching) cut(fold, i);
    const at = wideFolds.indexOf(fold);
    if (at >= 0) wideFolds.splice(at, 1);
    wideFolds.unshift(fold);
    if (wideFolds.length > WIDE_KEPT) wideFolds.length = WIDE_KEPT;
  }
  ra = a;
  rb = b;
}

/**
 * A wide record (kit/wide.ts) is hashed as the plain object it stands for: the same fold over its fields
 * in the same order, from the same start. The fold runs chunk after chunk; a chunk's lanes out are
 * remembered with the lanes it came in with, so a version that shares a chunk with one hashed before,
 * and arrives at it with the same lanes, takes its lanes out as they are. A record that grew or changed
 * near its end costs the chunks from the change on; the hash is exactly the plain object's.
 */
interface ChunkFold {
  readonly inA: number;
  readonly inB: number;
  readonly outA: number;
  readonly outB: number;
}

const chunkFolds = new WeakMap<WideChunk<unknown>, ChunkFold>();

function hashWide(value: Wide<unknown>): void {
  let a = 0x7;
  let b = 0x11;
  for (const chunk of value.chunks) {
    const known = chunkFolds.get(chunk);
    if (known !== undefined && known.inA === a && known.inB === b) {
      a = known.outA;
      b = known.outB;
      continue;
    }
    const inA = a;
    const inB = b;
    const { keys, values } = chunk;
    for (let i = 0; i < keys.length; i++) {
      const v = values[i];
      // Left out as JSON.stringify and the plain object's fold leave them out.
      if (v === undefined || typeof v === 'function') continue;
      foldField(a, b, keys[i] as string, v);
      a = ra;
      b = rb;
    }
    chunkFolds.set(chunk, { inA, inB, outA: a, outB: b });
  }
  ra = a;
  rb = b;
}

/** Folds one field (its key, then its value) into lanes `a`, `b`: the result is left in `ra`, `rb`. */
function foldField(a: number, b: number, key: string, v: unknown): void {
  hashKey(key);
  mixInto(a, b, ra, rb);
  const ka = ra;
  const kb = rb;
  hashInto(v);
  mixInto(ka, kb, ra, rb);
}

/** The fold's lanes over the first `count` fields of `value`, computed again to be remembered. */
function foldOf(value: Record<string, unknown>, count: number): WideFold {
  const fold: WideFold = { keys: [], values: [], a: [], b: [] };
  let a = 0x7;
  let b = 0x11;
  for (const key in value) {
    if (fold.keys.length === count) break;
    const v = value[key];
    if (v === undefined || typeof v === 'function') continue;
    foldField(a, b, key, v);
    a = ra;
    b = rb;
    fold.keys.push(key);
    fold.values.push(v);
    fold.a.push(a);
    fold.b.push(b);
  }
  return fold;
}

function cut(fold: WideFold, length: number): void {
  fold.keys.length = length;
  fold.values.length = length;
  fold.a.length = length;
  fold.b.length = length;
}

/** The structural hash of a JSON-like value, as two uint32 lanes. */
export function hashValue(value: unknown): readonly [number, number] {
  hashInto(value);
  return [ra >>> 0, rb >>> 0];
}

/**
 * The hash of an object that will be hashed again (a node's view: once to tell whether it changed,
 * again inside its trace record). It is remembered, cut to 53 bits like every remembered hash.
 */
export function hashAndRemember(value: object): string {
  hashInto(value);
  const a = ra >>> 0;
  const b = ((rb >>> 11) << 11) >>> 0;
  cache.set(value, a * SHIFT + (b >>> 11));
  return `${a}:${b}`;
}

/** A node view's key, to tell whether it changed: its hash, remembered for when its trace record is hashed. */
export function viewKey(view: object): string {
  return hashAndRemember(view);
}

export function hashRecord(state: HashState, record: TraceRecord): HashState {
  const next = { a: state.a, b: state.b };
  foldRecord(next, record);
  return next;
}

/** `hashRecord` in place: the journal folds every record of a run into one state, with no object per record. */
export function foldRecord(state: { a: number; b: number }, record: TraceRecord): void {
  hashInto(record);
  mixInto(state.a, state.b, ra, rb);
  state.a = ra >>> 0;
  state.b = rb >>> 0;
}

export function hashHex(state: HashState): string {
  return state.a.toString(16).padStart(8, '0') + state.b.toString(16).padStart(8, '0');
}
