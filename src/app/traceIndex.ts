import type { Simulation } from '../engine/simulation';
import type { NodeId, TraceRecord } from '../engine/types';

type SendRecord = Extract<TraceRecord, { kind: 'send' }>;
export type MessageRecord = Extract<TraceRecord, { kind: 'send' | 'deliver' | 'drop' }>;

/**
 * Derived lookups over a run's trace, kept up to date incrementally: the send record of each message
 * id, each node's message records, and the drops. Pure derived data: it never changes the run, and
 * it rebuilds itself if the trace was cut back (a restored snapshot).
 */
export class TraceIndex {
  private length = 0;
  private sends = new Map<number, SendRecord>();
  private byNode = new Map<NodeId, number[]>();
  private drops: number[] = [];
  private caption: string | null = null;

  constructor(private readonly sim: Simulation) {}

  private sync(): void {
    const trace = this.sim.trace;
    if (trace.length < this.length) {
      this.length = 0;
      this.sends = new Map();
      this.byNode = new Map();
      this.drops = [];
      this.caption = null;
    }
    for (let i = this.length; i < trace.length; i++) {
      const record = trace[i] as TraceRecord;
      if (record.kind === 'caption') this.caption = record.text;
      if (record.kind !== 'send' && record.kind !== 'deliver' && record.kind !== 'drop') continue;
      if (record.kind === 'send') this.sends.set(record.id, record);
      if (record.kind === 'drop') this.drops.push(i);
      this.note(record.from, i);
      if (record.to !== record.from) this.note(record.to, i);
    }
    this.length = trace.length;
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
    return this.caption;
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
