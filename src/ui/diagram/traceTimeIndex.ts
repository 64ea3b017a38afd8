import type { NodeId, TraceRecord, VirtualMs } from '../../engine/types';
import { ClockTracker, type EventClock } from './clocks';

/**
 * Lookups over a trace array that let the diagram read a window of time without walking the whole
 * run: records are in time order, so the window's first record is a binary search away; each message's
 * send and end (deliver or drop) are found by id; fault records are listed apart (they are few).
 *
 * It follows the array as it grows, and notices when a branch rewrote its tail: the engine only ever
 * truncates the trace and appends, so if the last record it read is still in its place, everything
 * before it is too. Records past the caller's `length` (a rewound run's known future) are indexed
 * but every query takes the length and ignores them.
 */
export class TraceTimeIndex {
  private scanned = 0;
  private lastSeen: TraceRecord | undefined;
  private sendAt = new Map<number, number>();
  private endAt = new Map<number, number>();
  private faults: number[] = [];
  private longestFlight = 0;
  private clocks: { tracker: ClockTracker; key: string; upTo: number; at: Map<number, EventClock> } | null = null;

  constructor(private readonly trace: readonly TraceRecord[]) {}

  private sync(): void {
    const trace = this.trace;
    if (this.scanned > trace.length || (this.scanned > 0 && trace[this.scanned - 1] !== this.lastSeen)) this.reset();
    for (let i = this.scanned; i < trace.length; i++) {
      const record = trace[i] as TraceRecord;
      if (record.kind === 'send') {
        this.sendAt.set(record.id, i);
        const planned = record.deliverAt ?? record.lostAt ?? record.t;
        this.longestFlight = Math.max(this.longestFlight, planned - record.t);
      } else if (record.kind === 'deliver' || record.kind === 'drop') {
        this.endAt.set(record.id, i);
      } else if (record.kind === 'fault') {
        this.faults.push(i);
      }
    }
    this.scanned = trace.length;
    this.lastSeen = trace[trace.length - 1];
  }

  private reset(): void {
    this.scanned = 0;
    this.sendAt = new Map();
    this.endAt = new Map();
    this.faults = [];
    this.longestFlight = 0;
    this.clocks = null;
  }

  /** The longest planned flight of any message so far: no message outlives its send by more. */
  get longestFlightMs(): VirtualMs {
    this.sync();
    return this.longestFlight;
  }

  /** The position of the first record at or after `t`, among the first `length`. */
  firstAtOrAfter(t: VirtualMs, length: number): number {
    let lo = 0;
    let hi = Math.min(length, this.trace.length);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.trace[mid] as TraceRecord).t < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The position of the first record after `t`, among the first `length`. */
  firstAfter(t: VirtualMs, length: number): number {
    let lo = 0;
    let hi = Math.min(length, this.trace.length);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.trace[mid] as TraceRecord).t <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where message `id` was delivered or dropped, if that happened within the first `length` records. */
  endOf(id: number, length: number): number | undefined {
    this.sync();
    const at = this.endAt.get(id);
    return at !== undefined && at < length ? at : undefined;
  }

  /** Where message `id` was sent, if within the first `length` records. */
  sendOf(id: number, length: number): number | undefined {
    this.sync();
    const at = this.sendAt.get(id);
    return at !== undefined && at < length ? at : undefined;
  }

  /** The positions of the fault records among the first `length`, in order. */
  faultsBefore(length: number): readonly number[] {
    this.sync();
    let n = this.faults.length;
    while (n > 0 && (this.faults[n - 1] as number) >= length) n--;
    return n === this.faults.length ? this.faults : this.faults.slice(0, n);
  }

  /** The logical clocks of the event at `position` (a send or a deliver), computed once, in order, on demand. */
  clockAt(position: number, nodeIds: readonly NodeId[]): EventClock | undefined {
    this.sync();
    const key = nodeIds.join('\u0000');
    if (!this.clocks || this.clocks.key !== key)
      this.clocks = { tracker: new ClockTracker(nodeIds), key, upTo: 0, at: new Map() };
    const state = this.clocks;
    const end = Math.min(position + 1, this.trace.length);
    for (let i = state.upTo; i < end; i++) {
      const clock = state.tracker.apply(this.trace[i] as TraceRecord);
      if (clock) state.at.set(i, clock);
    }
    state.upTo = Math.max(state.upTo, end);
    return state.at.get(position);
  }
}

const indexes = new WeakMap<readonly TraceRecord[], TraceTimeIndex>();

/** The one index of a trace array, shared by every diagram that shows it. */
export function timeIndexOf(trace: readonly TraceRecord[]): TraceTimeIndex {
  let index = indexes.get(trace);
  if (!index) {
    index = new TraceTimeIndex(trace);
    indexes.set(trace, index);
  }
  return index;
}
