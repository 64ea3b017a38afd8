import type { NodeId, TraceRecord } from '../engine/types';

/** The logical clocks of one event: Lamport's scalar and the vector clock, in the order of the node ids given. */
export interface EventClock {
  readonly lamport: number;
  readonly vector: readonly number[];
}

export type ClockMode = 'none' | 'lamport' | 'vector';

/**
 * Lamport clocks and vector clocks over a trace, for its send and deliver events only.
 *
 * The exact rule (Lamport 1978; Fidge and Mattern 1988), with every clock starting at 0:
 * - send of message m by node i: L_i := L_i + 1 and V_i[i] := V_i[i] + 1; the send event and m carry
 *   (L_i, V_i).
 * - delivery of m at node j: L_j := max(L_j, L_m) + 1; V_j := the element-wise max of V_j and V_m,
 *   then V_j[j] := V_j[j] + 1; the deliver event carries (L_j, V_j).
 * - a copy the network (or the user) made of m (`duplicateOf`) is no act of the sender: it carries
 *   m's stamp and ticks nobody.
 * - drops, timers, state changes, requests and faults are not events here: they neither tick nor stamp.
 * - a crash does not reset a node's clocks: they are the diagram's bookkeeping of causality, not
 *   something the node remembers.
 *
 * It is pure bookkeeping over records it is fed in trace order (`apply`), so a caller can extend it
 * as the trace grows.
 */
export class ClockTracker {
  private readonly lamport: number[];
  private readonly vector: number[][];
  private readonly slot = new Map<NodeId, number>();
  /** The stamp each message carries, by message id. */
  private readonly stamps = new Map<number, EventClock>();

  constructor(readonly nodeIds: readonly NodeId[]) {
    nodeIds.forEach((id, i) => {
      this.slot.set(id, i);
    });
    this.lamport = nodeIds.map(() => 0);
    this.vector = nodeIds.map(() => nodeIds.map(() => 0));
  }

  /** Feeds one record; returns the clock of the event it records, or null when it is no clock event. */
  apply(record: TraceRecord): EventClock | null {
    if (record.kind === 'send') {
      if (record.duplicateOf !== undefined) {
        const stamp = this.stamps.get(record.duplicateOf) ?? null;
        if (stamp) this.stamps.set(record.id, stamp);
        return stamp;
      }
      const i = this.slot.get(record.from);
      if (i === undefined) return null;
      const own = this.vector[i] as number[];
      this.lamport[i] = (this.lamport[i] as number) + 1;
      own[i] = (own[i] as number) + 1;
      const clock = { lamport: this.lamport[i] as number, vector: own.slice() };
      this.stamps.set(record.id, clock);
      return clock;
    }
    if (record.kind === 'deliver') {
      const j = this.slot.get(record.to);
      if (j === undefined) return null;
      const stamp = this.stamps.get(record.id);
      const own = this.vector[j] as number[];
      this.lamport[j] = Math.max(this.lamport[j] as number, stamp?.lamport ?? 0) + 1;
      if (stamp) {
        for (let k = 0; k < own.length; k++) own[k] = Math.max(own[k] as number, stamp.vector[k] ?? 0);
      }
      own[j] = (own[j] as number) + 1;
      return { lamport: this.lamport[j] as number, vector: own.slice() };
    }
    return null;
  }
}

/** The clock of every send and deliver event among the first `length` records, by trace position. */
export function computeClocks(
  trace: readonly TraceRecord[],
  nodeIds: readonly NodeId[],
  length = trace.length,
): Map<number, EventClock> {
  const tracker = new ClockTracker(nodeIds);
  const out = new Map<number, EventClock>();
  const end = Math.min(length, trace.length);
  for (let i = 0; i < end; i++) {
    const clock = tracker.apply(trace[i] as TraceRecord);
    if (clock) out.set(i, clock);
  }
  return out;
}

/** The short text of a clock at an event point: `5` or `[2,0,1]`. */
export function formatClock(clock: EventClock, mode: Exclude<ClockMode, 'none'>): string {
  return mode === 'lamport' ? String(clock.lamport) : `[${clock.vector.join(',')}]`;
}
