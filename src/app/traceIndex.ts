import type { Simulation } from '../engine/simulation';
import type { NodeId, TraceRecord } from '../engine/types';

type SendRecord = Extract<TraceRecord, { kind: 'send' }>;
export type MessageRecord = Extract<TraceRecord, { kind: 'send' | 'deliver' | 'drop' }>;

/**
 * Derived lookups over what has happened by now (the first `sim.traceLength` records; after a seek back
 * the rest of the trace is the known future): the send record of each message id, each node's message
 * records, the drops and the captions. Kept up to date incrementally both ways: moving forward reads
 * the new records, moving back forgets the records past now, so a seek costs what it moved.
 */
export class TraceIndex {
  private length = 0;
  private trace: readonly TraceRecord[] | null = null;
  private sends = new Map<number, SendRecord>();
  /** Positions of the sends, in order, to forget them when time goes back. */
  private sendAt: number[] = [];
  private byNode = new Map<NodeId, number[]>();
  private drops: number[] = [];
  private captions: number[] = [];

  constructor(private readonly sim: Simulation) {}

  private sync(): void {
    const { trace, traceLength } = this.sim;
    if (trace !== this.trace) this.reset(trace);
    if (traceLength < this.length) this.forgetFrom(traceLength);
    for (let i = this.length; i < traceLength; i++) {
      const record = trace[i] as TraceRecord;
      if (record.kind === 'caption') this.captions.push(i);
      if (record.kind !== 'send' && record.kind !== 'deliver' && record.kind !== 'drop') continue;
      if (record.kind === 'send') {
        this.sends.set(record.id, record);
        this.sendAt.push(i);
      }
      if (record.kind === 'drop') this.drops.push(i);
      this.note(record.from, i);
      if (record.to !== record.from) this.note(record.to, i);
    }
    this.length = traceLength;
  }

  private reset(trace: readonly TraceRecord[]): void {
    this.trace = trace;
    this.length = 0;
    this.sends = new Map();
    this.sendAt = [];
    this.byNode = new Map();
    this.drops = [];
    this.captions = [];
  }

  /** Forgets every record at or after `length`: they have not happened yet. */
  private forgetFrom(length: number): void {
    const trace = this.trace as readonly TraceRecord[];
    const popFrom = (list: number[]) => {
      while (list.length > 0 && (list[list.length - 1] as number) >= length) list.pop();
    };
    while (this.sendAt.length > 0 && (this.sendAt[this.sendAt.length - 1] as number) >= length) {
      const record = trace[this.sendAt.pop() as number] as SendRecord;
      this.sends.delete(record.id);
    }
    for (const list of this.byNode.values()) popFrom(list);
    popFrom(this.drops);
    popFrom(this.captions);
    this.length = length;
  }

  private note(node: NodeId, index: number): void {
    let list = this.byNode.get(node);
    if (!list) {
      list = [];
      this.byNode.set(node, list);
    }
    list.push(index);
  }

  send(id: number): SendRecord | undefined {
    this.sync();
    return this.sends.get(id);
  }

  /** The node's latest message records (sent, delivered, dropped), newest first. */
  recentFor(node: NodeId, count: number): MessageRecord[] {
    this.sync();
    const list = this.byNode.get(node) ?? [];
    const out: MessageRecord[] = [];
    for (let i = list.length - 1; i >= 0 && out.length < count; i--)
      out.push(this.sim.trace[list[i] as number] as MessageRecord);
    return out;
  }

  /** The narration in force: the text of the latest caption. */
  latestCaption(): string | null {
    this.sync();
    const at = this.captions[this.captions.length - 1];
    if (at === undefined) return null;
    const record = this.sim.trace[at] as TraceRecord;
    return record.kind === 'caption' ? record.text : null;
  }

  /** Drops recorded at or after `sinceMs`, newest first. */
  dropsSince(sinceMs: number): Extract<TraceRecord, { kind: 'drop' }>[] {
    this.sync();
    const out: Extract<TraceRecord, { kind: 'drop' }>[] = [];
    for (let i = this.drops.length - 1; i >= 0; i--) {
      const record = this.sim.trace[this.drops[i] as number] as Extract<TraceRecord, { kind: 'drop' }>;
      if (record.t < sinceMs) break;
      out.push(record);
    }
    return out;
  }
}

const indexes = new WeakMap<Simulation, TraceIndex>();

export function traceIndex(sim: Simulation): TraceIndex {
  let index = indexes.get(sim);
  if (!index) {
    index = new TraceIndex(sim);
    indexes.set(sim, index);
  }
  return index;
}
