import type { HistoryEntry } from '../../engine/clients';

/** How a bar ends as the panel shows it at its cursor: known outcomes, or still open at the cursor. */
export type BarEnd = 'ok' | 'fail' | 'info' | 'open';

export interface Bar {
  readonly id: number;
  readonly lane: number;
  readonly from: number;
  /** Where the bar stops: its completion, or the cursor while it is open (or forever unknown). */
  readonly to: number;
  readonly end: BarEnd;
  readonly label: string;
  readonly isMarked: boolean;
  /** The protocol points this op out (its `historyMarks`): drawn apart from the checker's marks. */
  readonly isFlagged: boolean;
}

export interface Lanes {
  readonly clients: readonly string[];
  readonly bars: readonly Bar[];
  /** Ops invoked by the cursor, of all of them. */
  readonly shown: number;
  readonly startMs: number;
  readonly endMs: number;
}

/** The most bars drawn at once: the latest ones before the cursor (a long history scrolls by). */
export const MAX_BARS = 400;

/**
 * Jepsen's picture of a history (knossos.linear.report): one lane per client, each op a bar from invocation to
 * completion, as of `cursor`: ops invoked after it are not drawn yet, ops completing after it are open.
 */
export function lanesAt(
  history: readonly HistoryEntry[],
  cursor: number,
  marked: ReadonlySet<number>,
  flagged: ReadonlySet<number> = new Set(),
): Lanes {
  const clients = [...new Set(history.map((e) => e.client))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  const laneOf = new Map(clients.map((c, i) => [c, i]));
  const lastMs = historyEndMs(history);
  const visible = history.filter((e) => e.invokeAt <= cursor);
  const drawn = visible.slice(-MAX_BARS);
  const bars = drawn.map((e): Bar => {
    const isDone = e.completeAt !== null && e.completeAt <= cursor;
    // An op the history never completes is unknown once the cursor has reached the history's end.
    const end: BarEnd = isDone ? e.result : e.completeAt === null && cursor >= lastMs ? 'info' : 'open';
    const to = isDone ? (e.completeAt as number) : cursor;
    const value = e.op.startsWith('read') && isDone && e.result === 'ok' ? ` -> ${String(e.value)}` : '';
    return {
      id: e.id,
      lane: laneOf.get(e.client) ?? 0,
      from: e.invokeAt,
      to,
      end,
      label: `${e.op}${value}`,
      isMarked: marked.has(e.id),
      isFlagged: flagged.has(e.id),
    };
  });
  const finite = (n: number) => (Number.isFinite(n) ? n : 0);
  const startMs = drawn[0]?.invokeAt ?? 0;
  const endMs = bars.reduce((t, b) => Math.max(t, finite(b.to), b.from), startMs + 1);
  return { clients, bars, shown: visible.length, startMs, endMs };
}

/** The last time a history mentions (a completion, or an invocation never completed); a loop, as a spread of
 * 100,000 arguments would overflow the stack. */
export function historyEndMs(history: readonly HistoryEntry[]): number {
  let end = 0;
  for (const e of history) end = Math.max(end, e.completeAt ?? e.invokeAt);
  return end;
}
