import type { HistoryEntry, OpResult } from './clients';
import type { NodeId, TraceRecord, VirtualMs } from './types';

/**
 * A run's history (spec/protocols.md §1.5): one entry per operation, in id order, from the trace's `invoke`
 * and `complete` records alone. An operation still open at the end has `completeAt: null` and result `info`
 * (it may or may not have taken effect). Pure: the runner, the app and the history checker share it.
 */
export function historyOf(trace: readonly TraceRecord[]): HistoryEntry[] {
  const entries = new Map<number, { client: NodeId; op: string; invokeAt: VirtualMs; done?: Done }>();
  for (const record of trace) {
    if (record.kind === 'invoke') {
      entries.set(record.op, { client: record.client, op: record.command, invokeAt: record.t });
    } else if (record.kind === 'complete') {
      const entry = entries.get(record.op);
      if (entry) entry.done = { at: record.t, result: record.result, value: record.value };
    }
  }
  return [...entries]
    .sort(([a], [b]) => a - b)
    .map(([id, e]) => ({
      id,
      client: e.client,
      op: e.op,
      invokeAt: e.invokeAt,
      completeAt: e.done?.at ?? null,
      result: e.done?.result ?? 'info',
      value: e.done?.value ?? null,
    }));
}

interface Done {
  readonly at: VirtualMs;
  readonly result: OpResult;
  readonly value: number | string | null;
}
