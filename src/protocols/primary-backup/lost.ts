import type { NodeId, TraceRecord, VirtualMs } from '../../engine/types';
import type { LogEntry } from './types';
import { isServerView, type ServerView } from './view';

/** An acknowledged write that a later primary's log lacks: the lesson of asynchronous failover (DDIA ch. 5). */
export interface LostWrite {
  readonly op: number;
  readonly client: NodeId;
  readonly command: string;
  /** The primary that acknowledged it, and its epoch. */
  readonly ackedBy: NodeId;
  readonly epoch: number;
  /** The later primary found without it, its epoch, and when. */
  readonly missingAt: NodeId;
  readonly missingEpoch: number;
  readonly at: VirtualMs;
}

interface Acked {
  readonly entry: LogEntry;
  readonly by: NodeId;
  readonly epoch: number;
}

/**
 * spec `no-acked-write-lost`: every write a primary acknowledged is in the log of every later primary (a primary
 * of a higher epoch), from the moment both exist. Read from the trace's server views, as the run went: a write
 * counts as acknowledged once its primary's `ackedIndex` covers it, and as lost the first time an up primary of a
 * higher epoch lacks it. `okOnly` keeps the writes whose client was told `ok` (the fact's and the History
 * panel's "acknowledged": the client heard it succeed).
 */
export function lostWrites(records: readonly TraceRecord[], length = records.length, okOnly = true): LostWrite[] {
  const views = new Map<NodeId, ServerView>();
  const down = new Set<NodeId>();
  const acked = new Map<number, Acked>();
  const ok = new Set<number>();
  const lost = new Map<number, LostWrite>();
  const check = (t: VirtualMs) => {
    for (const [id, v] of views) {
      if (v.role !== 'primary' || down.has(id)) continue;
      let ops: Set<number> | null = null;
      for (const [op, a] of acked) {
        if (a.epoch >= v.epoch || lost.has(op)) continue;
        ops ??= new Set(v.log.map((e) => e.op));
        if (ops.has(op)) continue;
        const { client, command } = a.entry;
        lost.set(op, {
          op,
          client,
          command,
          ackedBy: a.by,
          epoch: a.epoch,
          missingAt: id,
          missingEpoch: v.epoch,
          at: t,
        });
      }
    }
  };
  for (let i = 0; i < length; i++) {
    const r = records[i] as TraceRecord;
    if (r.kind === 'complete' && r.result === 'ok') ok.add(r.op);
    else if (r.kind === 'fault' && typeof r.node === 'string' && (r.type === 'crash' || r.type === 'restart')) {
      if (r.type === 'crash') down.add(r.node);
      else down.delete(r.node);
      check(r.t);
    } else if (r.kind === 'state' && isServerView(r.state)) {
      const v = r.state;
      const before = views.get(r.node);
      views.set(r.node, v);
      if (v.role === 'primary') {
        const from = before?.role === 'primary' && before.epoch === v.epoch ? before.ackedIndex : 0;
        for (let k = from; k < v.ackedIndex; k++) {
          const entry = v.log[k];
          if (entry && !acked.has(entry.op)) acked.set(entry.op, { entry, by: r.node, epoch: v.epoch });
        }
      }
      if (v.role === 'primary' || before?.role === 'primary') check(r.t);
    }
  }
  return [...lost.values()].filter((w) => !okOnly || ok.has(w.op)).sort((a, b) => a.op - b.op);
}

/** The fact `ackedWritesLost` {count, ops}: acknowledged writes (the client was told ok) a later primary lacks. */
export function ackedWritesLost(records: readonly TraceRecord[]): { count: number; ops: number[] } {
  const ops = lostWrites(records).map((w) => w.op);
  return { count: ops.length, ops };
}

/** One lost write in words, for the invariant, the panel and the History panel. */
export function lostWords(w: LostWrite): string {
  return (
    `op ${w.op} (${w.client} ${w.command}) was acknowledged by ${w.ackedBy} in epoch ${w.epoch}, ` +
    `but ${w.missingAt}, primary of epoch ${w.missingEpoch}, does not have it`
  );
}
