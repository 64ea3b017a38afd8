import type { HistoryEntry } from '../engine/clients';
import type { TraceRecord } from '../engine/types';

/**
 * A run's history from its trace (§1.5): each `invoke` record opens an op, its `complete` record closes it; an
 * op still open at the end has `completeAt: null`, `result: "info"`. In id order. (The clients branch keeps the
 * engine's own `historyOf` in src/engine/history.ts; this one lets the checker stand alone until they merge.)
 */
export function historyFromTrace(trace: readonly TraceRecord[]): HistoryEntry[] {
  const byId = new Map<number, HistoryEntry>();
  for (const record of trace) {
    if (record.kind === 'invoke') {
      byId.set(record.op, {
        id: record.op,
        client: record.client,
        op: record.command,
        invokeAt: record.t,
        completeAt: null,
        result: 'info',
        value: null,
      });
    } else if (record.kind === 'complete') {
      const entry = byId.get(record.op);
      if (entry !== undefined)
        byId.set(record.op, { ...entry, completeAt: record.t, result: record.result, value: record.value });
    }
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
