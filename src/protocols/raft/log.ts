import type { Entry } from './types';

/** Log helpers. Indices are 1-based as in the paper; index 0 is the empty prefix with term 0. */

export const lastIndex = (log: readonly Entry[]): number => log.length;

export const lastTerm = (log: readonly Entry[]): number => log[log.length - 1]?.term ?? 0;

export const termAt = (log: readonly Entry[], index: number): number | undefined =>
  index === 0 ? 0 : log[index - 1]?.term;

/** Raft §5.4.1: a candidate's log is at least as up-to-date as ours if its last term is higher, or equal with an index at least as long. */
export function isUpToDate(log: readonly Entry[], candidateLastTerm: number, candidateLastIndex: number): boolean {
  const myTerm = lastTerm(log);
  return candidateLastTerm > myTerm || (candidateLastTerm === myTerm && candidateLastIndex >= lastIndex(log));
}

/**
 * Figure 2, AppendEntries receiver steps 3 and 4: if an existing entry conflicts with a new one (same
 * index, different term), delete it and all that follow; append any new entries not already in the log.
 * Entries already present are kept, so a stale or reordered AppendEntries never truncates a longer log.
 */
export function mergeEntries(log: readonly Entry[], prevLogIndex: number, entries: readonly Entry[]): readonly Entry[] {
  let result: Entry[] | undefined;
  for (let i = 0; i < entries.length; i++) {
    const index = prevLogIndex + 1 + i;
    const entry = entries[i] as Entry;
    const current = result ?? log;
    const existing = current[index - 1];
    if (existing !== undefined && existing.term === entry.term) continue;
    result = current.slice(0, index - 1);
    result.push(...entries.slice(i));
    break;
  }
  return result ?? log;
}

export const sameEntry = (a: Entry | undefined, b: Entry | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.term === b.term && a.command === b.command);
