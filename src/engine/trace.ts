import type { TraceRecord } from './types';

/**
 * A streaming 64-bit hash (two independent 32-bit FNV-1a lanes with different offsets) over the
 * canonical JSON of every trace record. JSON.stringify keeps insertion order, and every record is built
 * field by field in one place, so the same run prints the same hash on any machine.
 */
export interface HashState {
  readonly a: number;
  readonly b: number;
}

export const emptyHash: HashState = { a: 0x811c9dc5, b: 0x01000193 ^ 0x9e3779b9 };

export function hashRecord(state: HashState, record: TraceRecord): HashState {
  const text = JSON.stringify(record);
  let a = state.a;
  let b = state.b;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  // A record separator, so that record boundaries count.
  a = Math.imul(a ^ 10, 0x01000193);
  b = Math.imul(b ^ 10, 0x01000193) ^ (b >>> 15);
  return { a: a >>> 0, b: b >>> 0 };
}

export function hashHex(state: HashState): string {
  return state.a.toString(16).padStart(8, '0') + state.b.toString(16).padStart(8, '0');
}
