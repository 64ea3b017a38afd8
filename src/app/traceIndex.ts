import type { AnyProtocol } from '../engine/protocol';
import type { NodeId, NodeView, TraceRecord, VirtualMs } from '../engine/types';
import { ClockTracker, type EventClock } from './clocks';
import { type Marker, markersOf } from './markers';

type SendRecord = Extract<TraceRecord, { kind: 'send' }>;
type DropRecord = Extract<TraceRecord, { kind: 'drop' }>;
export type MessageRecord = Extract<TraceRecord, { kind: 'send' | 'deliver' | 'drop' }>;

/**
 * The one index over a run's trace, serving the timeline (markers), the diagram (a window of time, a
 * message's send and end, faults, clocks) and the panels (a node's recent messages, the caption, the
 * drops). It reads the whole array, a rewound run's known future included, and every query takes the
 * `length` of what has happened by now, so a seek costs nothing here.
 *
 * It follows the array as it grows and notices when a branch rewrote its tail: the engine only ever
 * truncates the trace and appends, so if the last record read is still in its place, everything before
 * it is too; otherwise it starts over.
 */
export class TraceIndex {
  private scanned = 0;
  private lastSeen: TraceRecord | undefined;
  private sendAt = new Map<number, number>();
  private endAt = new Map<number, number>();
  private byNode = new Map<NodeId, number[]>();
  private faults: number[] = [];
  private drops: number[] = [];
  private captions: number[] = [];
  private longestFlight = 0;
  private marks: {
    protocol: AnyProtocol;
    read: number;
    views: Map<NodeId, NodeView>;
    list: Marker[];
    copy: readonly Marker[];
  } | null = null;
  private clocks: { tracker: ClockTracker; key: string; upTo: number; at: Map<number, EventClock> } | null = null;

  constructor(readonly records: readonly TraceRecord[]) {}

  private sync(): void {
    const trace = this.records;
    if (this.scanned > trace.length || (this.scanned > 0 && trace[this.scanned - 1] !== this.lastSeen)) this.reset();
    for (let i = this.scanned; i < trace.length; i++) {
      const record = trace[i] as TraceRecord;
      switch (record.kind) {
        case 'send': {
          this.sendAt.set(record.id, i);
          const planned = record.deliverAt ?? record.lostAt ?? record.t;
          this.longestFlight = Math.max(this.longestFlight, planned - record.t);
          break;
        }
        case 'deliver':
          this.endAt.set(record.id, i);
          break;
        case 'drop':
          this.endAt.set(record.id, i);
          this.drops.push(i);
          break;
        case 'fault':
          this.faults.push(i);
          break;
        case 'caption':
          this.captions.push(i);
          break;
        default:
          break;
      }
      if (record.kind === 'send' || record.kind === 'deliver' || record.kind === 'drop') {
        this.note(record.from, i);
        if (record.to !== record.from) this.note(record.to, i);
      }
    }
    this.scanned = trace.length;
    this.lastSeen = trace[trace.length - 1];
  }

  private reset(): void {
    this.scanned = 0;
    this.sendAt = new Map();
    this.endAt = new Map();
    this.byNode = new Map();
    this.faults = [];
    this.drops = [];
    this.captions = [];
    this.longestFlight = 0;
    this.marks = null;
    this.clocks = null;
  }

  private note(node: NodeId, index: number): void {
    let list = this.byNode.get(node);
    if (!list) {
      list = [];
      this.byNode.set(node, list);
    }
    list.push(index);
  }

  /** How many records of the array have happened, at most. */
  private within(length: number): number {
    return Math.min(length, this.records.length);
  }

  /** The longest planned flight of any message so far: no message outlives its send by more. */
  get longestFlightMs(): VirtualMs {
    this.sync();
    return this.longestFlight;
  }

  /** The position of the first record at or after `t`, among the first `length`. */
  firstAtOrAfter(t: VirtualMs, length: number): number {
    return this.search(length, (record) => record.t < t);
  }

  /** The position of the first record after `t`, among the first `length`. */
  firstAfter(t: VirtualMs, length: number): number {
    return this.search(length, (record) => record.t <= t);
  }

  private search(length: number, isBefore: (record: TraceRecord) => boolean): number {
    let lo = 0;
    let hi = this.within(length);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (isBefore(this.records[mid] as TraceRecord)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where message `id` was sent, if within the first `length` records. */
  sendOf(id: number, length: number): number | undefined {
    this.sync();
    const at = this.sendAt.get(id);
    return at !== undefined && at < length ? at : undefined;
  }

  /** The send record of message `id`, if it was sent within the first `length` records. */
  send(id: number, length: number): SendRecord | undefined {
    const at = this.sendOf(id, length);
    return at === undefined ? undefined : (this.records[at] as SendRecord);
  }

  /** Where message `id` was delivered or dropped, if that happened within the first `length` records. */
  endOf(id: number, length: number): number | undefined {
    this.sync();
    const at = this.endAt.get(id);
    return at !== undefined && at < length ? at : undefined;
  }

  /** The positions of the fault records among the first `length`, in order. */
  faultsBefore(length: number): readonly number[] {
    this.sync();
    const n = countBelow(this.faults, length);
    return n === this.faults.length ? this.faults : this.faults.slice(0, n);
  }

  /** The node's latest message records (sent, delivered, dropped) among the first `length`, newest first. */
  recentFor(node: NodeId, count: number, length: number): MessageRecord[] {
    this.sync();
    const list = this.byNode.get(node) ?? [];
    const out: MessageRecord[] = [];
    for (let i = countBelow(list, length) - 1; i >= 0 && out.length < count; i--)
      out.push(this.records[list[i] as number] as MessageRecord);
    return out;
  }

  /** The narration in force after the first `length` records: the text of the latest caption. */
  latestCaption(length: number): string | null {
    this.sync();
    const at = this.captions[countBelow(this.captions, length) - 1];
    const record = at === undefined ? undefined : (this.records[at] as TraceRecord);
    return record?.kind === 'caption' ? record.text : null;
  }

  /** Drops among the first `length` records at or after `sinceMs`, newest first. */
  dropsSince(sinceMs: VirtualMs, length: number): DropRecord[] {
    this.sync();
    const out: DropRecord[] = [];
    for (let i = countBelow(this.drops, length) - 1; i >= 0; i--) {
      const record = this.records[this.drops[i] as number] as DropRecord;
      if (record.t < sinceMs) break;
      out.push(record);
    }
    return out;
  }

  /**
   * The timeline's markers over the whole array (the known future included): faults, violations, pause
   * points, captions and the protocol's milestones. The same array comes back until a marker is added.
   */
  markers(protocol: AnyProtocol): readonly Marker[] {
    this.sync();
    if (!this.marks || this.marks.protocol !== protocol)
      this.marks = { protocol, read: 0, views: new Map(), list: [], copy: [] };
    const marks = this.marks;
    for (let i = marks.read; i < this.scanned; i++)
      markersOf(this.records[i] as TraceRecord, i, marks.views, protocol, marks.list);
    marks.read = this.scanned;
    if (marks.copy.length !== marks.list.length) marks.copy = [...marks.list];
    return marks.copy;
  }

  /** The logical clocks of the event at `position` (a send or a deliver), computed once, in order, on demand. */
  clockAt(position: number, nodeIds: readonly NodeId[]): EventClock | undefined {
    this.sync();
    const key = nodeIds.join('\u0000');
    if (!this.clocks || this.clocks.key !== key)
      this.clocks = { tracker: new ClockTracker(nodeIds), key, upTo: 0, at: new Map() };
    const state = this.clocks;
    const end = Math.min(position + 1, this.records.length);
    for (let i = state.upTo; i < end; i++) {
      const clock = state.tracker.apply(this.records[i] as TraceRecord);
      if (clock) state.at.set(i, clock);
    }
    state.upTo = Math.max(state.upTo, end);
    return state.at.get(position);
  }
}

/** How many of the ascending positions in `list` are below `length`. */
function countBelow(list: readonly number[], length: number): number {
  if (list.length === 0 || (list[list.length - 1] as number) < length) return list.length;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < length) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const indexes = new WeakMap<readonly TraceRecord[], TraceIndex>();

/** The one index of a trace array, shared by the store, the timeline, the diagram and the panels. */
export function traceIndexOf(records: readonly TraceRecord[]): TraceIndex {
  let index = indexes.get(records);
  if (!index) {
    index = new TraceIndex(records);
    indexes.set(records, index);
  }
  return index;
}
