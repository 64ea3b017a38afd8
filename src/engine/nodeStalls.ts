import type { MutableNode, QueueEvent } from './runtime';
import { type HeldMessage, handHeld, holdItem, stallUntil } from './stall';
import type { EventLike, NodeId, Payload, TraceRecord, VirtualMs } from './types';

/** What a node's stall needs from the nodes and the simulation around it (nodes.ts implements it). */
export interface StallHost {
  now(): VirtualMs;
  schedule(atMs: VirtualMs, event: QueueEvent): void;
  record(record: TraceRecord): void;
  countEvent(): void;
  handedHeld(message: HeldMessage, arrivedAt: VirtualMs): void;
  /** Hands an event to the node's machine now (what a live, unstalled node gets). */
  hand(node: MutableNode, payload: Payload | EventLike, from?: NodeId): void;
}

/**
 * A process pause on one node (spec/protocols.md §1.3; stall.ts holds the data): it starts or extends, holds what
 * arrives, and at its end hands everything it held in the stated order.
 */
export function startStall(node: MutableNode, durationMs: number, host: StallHost): void {
  const before = node.stall?.untilMs;
  node.stall = stallUntil(node.stall, host.now() + durationMs);
  const { untilMs } = node.stall;
  // An extension schedules a new end; the earlier one finds the stall moved on and does nothing.
  if (untilMs !== before) host.schedule(untilMs, { kind: 'stallEnd', node: node.id, untilMs });
}

/** A message reached a stalled node: held until the end. False when the node is not stalled. */
export function holdArrival(node: MutableNode | undefined, message: HeldMessage, nowMs: VirtualMs): boolean {
  if (!node || node.stall === null) return false;
  node.stall = holdItem(node.stall, { kind: 'message', message, arrivedAt: nowMs });
  return true;
}

/** The end of a stall (an extended or crashed stall leaves this end moot): hand what it held. */
export function endStall(node: MutableNode, untilMs: VirtualMs, host: StallHost): void {
  const stall = node.stall;
  if (stall === null || stall.untilMs !== untilMs) return;
  node.stall = null;
  handHeld(node.id, stall, {
    isUp: () => node.isUp,
    fireHeldTimer: (id, held) => {
      const timer = node.timers.get(held.id);
      // §1.3: one cancelled or replaced by an earlier handed event does not fire.
      if (!timer || timer.token !== held.token) return;
      node.timers.delete(held.id);
      host.countEvent();
      host.record({ t: host.now(), kind: 'timer', node: id, name: timer.name, dueAt: held.dueAt });
      host.hand(node, timer.event);
    },
    handMessage: (message, arrivedAt) => {
      host.handedHeld(message, arrivedAt);
      host.hand(node, message.message, message.from);
    },
    handRequest: (_, payload) => host.hand(node, payload),
  });
}
