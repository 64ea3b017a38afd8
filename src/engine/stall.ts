import type { EventLike, NodeId, Payload, VirtualMs } from './basics';

/**
 * A process pause (spec/protocols.md §1.3: a GC pause, a VM freeze). From `at` to `untilMs` the node stays up
 * but its machine is handed nothing: every timer that comes due and every message or request that arrives is
 * held, and at `untilMs` handed, each with `at = untilMs`: first the timers in due order, then messages and
 * requests in arrival order. Immutable data (a node's snapshot shares it), changed only through these helpers.
 */
export interface StallState {
  readonly untilMs: VirtualMs;
  /** Timers that came due while stalled, in due order (a timer comes due once). */
  readonly timers: readonly HeldTimer[];
  /** Messages and requests that arrived while stalled, in arrival order. */
  readonly items: readonly HeldItem[];
}

export interface HeldTimer {
  readonly id: string;
  readonly token: number;
  readonly dueAt: VirtualMs;
}

/** A message on its way to a stalled node (a message in flight, runtime.ts). */
export interface HeldMessage {
  readonly id: number;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly message: Payload;
}

export type HeldItem =
  | { readonly kind: 'message'; readonly message: HeldMessage; readonly arrivedAt: VirtualMs }
  | { readonly kind: 'request'; readonly payload: EventLike };

/** §1.3: stalling a stalled node extends the stall to the later end; its held items stay held. */
export function stallUntil(current: StallState | null, untilMs: VirtualMs): StallState {
  if (current === null) return { untilMs, timers: [], items: [] };
  return untilMs > current.untilMs ? { ...current, untilMs } : current;
}

export const holdTimer = (s: StallState, timer: HeldTimer): StallState => ({ ...s, timers: [...s.timers, timer] });

export const holdItem = (s: StallState, item: HeldItem): StallState => ({ ...s, items: [...s.items, item] });

/** What handing the held items needs from the nodes around the stall. */
export interface StallHands {
  /** Fires a held timer if it is still pending with this token (one cancelled or replaced meanwhile does not fire). */
  fireHeldTimer(node: NodeId, timer: HeldTimer): void;
  handMessage(message: HeldMessage, arrivedAt: VirtualMs): void;
  handRequest(node: NodeId, payload: EventLike): void;
  /** The node crashed while handing (a held item's invariant check cannot crash it, but a later item may be moot). */
  isUp(node: NodeId): boolean;
}

/**
 * §1.3: the end of a stall: timers first in due order (ties in the order they came due), then messages and
 * requests in arrival order. The node cannot tell it was paused: its clock has simply moved on.
 */
export function handHeld(node: NodeId, s: StallState, hands: StallHands): void {
  // Timers come due in time order, so the held list is already in due order; the sort is stable for ties.
  const timers = [...s.timers].sort((a, b) => a.dueAt - b.dueAt);
  for (const timer of timers) if (hands.isUp(node)) hands.fireHeldTimer(node, timer);
  for (const item of s.items) {
    if (!hands.isUp(node)) return;
    if (item.kind === 'message') hands.handMessage(item.message, item.arrivedAt);
    else hands.handRequest(node, item.payload);
  }
}
