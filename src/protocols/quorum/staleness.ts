import type { NodeId } from '../../engine/types';
import type { StoredObject } from './types';
import { isCovered, objectText } from './versions';

/**
 * Which reads missed an acknowledged write: the rule of `strict-quorum-read` and the fact `staleReads`. A read
 * invoked after a write of its key was acknowledged must return that write, something newer, or siblings that
 * include it or saw it: the write's version must be covered by what the read returned (versions.ts `isCovered`:
 * under `lww` a timestamp at least as high; under `vv` a sibling that is the write or whose writer had read it).
 */
export interface Ack {
  readonly op: number;
  readonly at: number;
  readonly object: StoredObject;
}

export interface Staleness {
  /** Acknowledged writes by key. */
  readonly acked: Readonly<Record<string, readonly Ack[]>>;
  /** Reads in progress, by `client.op`: the writes acknowledged before each was invoked. */
  readonly reading: Readonly<Record<string, readonly Ack[]>>;
}

export const noStaleness: Staleness = { acked: {}, reading: {} };

const idOf = (client: NodeId, op: number) => `${client}.${op}`;
const ackedOf = (s: Staleness, key: string) => (Object.hasOwn(s.acked, key) ? (s.acked[key] as Ack[]) : []);

export function readInvoked(s: Staleness, client: NodeId, op: number, key: string, nowMs: number): Staleness {
  const before = ackedOf(s, key).filter((a) => a.at < nowMs);
  return { ...s, reading: { ...s.reading, [idOf(client, op)]: before } };
}

export function writeAcked(s: Staleness, op: number, key: string, object: StoredObject, nowMs: number): Staleness {
  return { ...s, acked: { ...s.acked, [key]: [...ackedOf(s, key), { op, at: nowMs, object }] } };
}

/** A completed read: the acknowledged writes it missed (empty when it saw them all). */
export function readReturned(
  s: Staleness,
  client: NodeId,
  op: number,
  object: StoredObject | null,
): { readonly staleness: Staleness; readonly missed: readonly Ack[] } {
  const id = idOf(client, op);
  const required = Object.hasOwn(s.reading, id) ? (s.reading[id] as Ack[]) : [];
  const { [id]: _, ...reading } = s.reading;
  return { staleness: { ...s, reading }, missed: required.filter((a) => !isCovered(a.object, object)) };
}

export function missedText(client: NodeId, op: number, key: string, object: StoredObject | null, missed: Ack): string {
  return (
    `op ${op} (${client} read ${key}) returned ${objectText(object)}, missing op ${missed.op}'s write ` +
    `${objectText(missed.object)}, acknowledged at ${Math.round(missed.at)} ms before the read began`
  );
}
