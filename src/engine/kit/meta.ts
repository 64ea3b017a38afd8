import type { NodeId, VirtualMs } from '../types';

/**
 * What the engine puts on every event it hands a machine (messages, timers, requests) and on the start
 * input: machines read time and randomness only from here.
 * - `at`: the virtual time, for the engine and tests.
 * - `localAt`: the node's own clock reading at `at`. Protocols that reason about time (leases, expiry,
 *   timestamps) use this one; it equals `at` until nodes get clocks of their own (spec/protocols.md §1.4).
 * - `entropy`: a uint32 from the node's own seeded stream, for randomized delays.
 */
export interface Meta {
  readonly at: VirtualMs;
  readonly localAt: VirtualMs;
  readonly entropy: number;
}

/** A protocol message as its machine receives it: the payload, who sent it, and the metadata. */
export type Incoming<M> = M & Meta & { readonly from: NodeId };

/** A timer's or a request's event as the machine receives it. */
export type Local<E> = E & Meta;

type Carrier = { readonly at?: number; readonly localAt?: number; readonly entropy?: number };

/** The metadata of the event an action runs for: a delivered event's own, or the start input's (XState's init event carries it). */
function carrier(event: unknown): Carrier {
  const e = event as Carrier & { readonly input?: Carrier };
  return e.at !== undefined || e.entropy !== undefined ? e : (e.input ?? {});
}

export const at = (event: unknown): VirtualMs => carrier(event).at ?? 0;

export const localAt = (event: unknown): VirtualMs => {
  const c = carrier(event);
  return c.localAt ?? c.at ?? 0;
};

export const entropy = (event: unknown): number => carrier(event).entropy ?? 0;
