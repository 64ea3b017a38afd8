import type { HistoryEntry, OpResult } from '../engine/clients';

/**
 * Histories written the way a reader draws them, for the tests: `[client, command, invokeAt, completeAt, result,
 * value]`, ids 1, 2, ... in the order given (which must be invoke order).
 */
export type Row = readonly [string, string, number, number | null, OpResult, (number | null)?];

export function history(rows: readonly Row[]): HistoryEntry[] {
  return rows.map(([client, op, invokeAt, completeAt, result, value], i) => ({
    id: i + 1,
    client,
    op,
    invokeAt,
    completeAt,
    result: completeAt === null ? 'info' : result,
    value: value ?? null,
  }));
}
