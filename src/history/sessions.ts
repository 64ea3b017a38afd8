import type { HistoryEntry } from '../engine/clients';
import type { ParseCommand } from './ops';
import { parseRegisterCommand } from './register';

/**
 * Session guarantees of a register history, per client (Terry et al., "Session Guarantees for Weakly Consistent
 * Replicated Data", PDIS 1994, §3): measured facts for stores that promise less than linearizability (an AP
 * store, a leaderless quorum). Only what a history proves is counted: a read breaks a guarantee when the value
 * it returned is *certainly* older than one the session had already written or read, i.e. the write of that
 * value completed before the newer write was invoked (real-time order; writes are told apart by their unique
 * values, as Jepsen's and netsplit's workloads write them), or the read returned nothing (null) after the
 * session had written or seen a value. Concurrent writes may be ordered either way, so they never count.
 * - read-your-writes (§3.1): a read of K that starts after the session's own ok write of K completed must not
 *   return a value certainly older than that write.
 * - monotonic reads (§3.2): a read of K that starts after an earlier ok read of K by the session completed
 *   must not return a value certainly older than the one that read returned.
 */

export interface SessionBreach {
  /** The read that went back in time. */
  readonly read: number;
  /** The op it should not have gone back past: the session's write (read-your-writes) or earlier read. */
  readonly after: number;
  readonly key: string;
}

export interface SessionFacts {
  /** Reads that a guarantee applied to (each started after a write or read of its key by the session). */
  readonly checked: number;
  readonly breaches: readonly SessionBreach[];
}

export interface ClientSessions {
  readonly readYourWrites: SessionFacts;
  readonly monotonicReads: SessionFacts;
}

interface Write {
  readonly id: number;
  readonly invokeAt: number;
  readonly completeAt: number | null;
}

/** Each client's session guarantees over a register history (clients in order of first appearance). */
export function sessionGuarantees(
  history: readonly HistoryEntry[],
  parse: ParseCommand = parseRegisterCommand,
): Record<string, ClientSessions> {
  const parsed = history.map((entry) => ({ entry, op: parse(entry.op) }));
  // The write (or successful cas) that stored each value of each key: unique values name their writer.
  const writers = new Map<string, Write>();
  for (const { entry, op } of parsed) {
    if (!op || entry.result === 'fail') continue;
    const value = op.name === 'write' ? op.args[0] : op.name === 'cas' ? op.args[1] : undefined;
    if (value !== undefined) writers.set(`${op.key}\u0000${value}`, entry);
  }
  // Whether value `v` of `key`, as a read returned it, is certainly older than `newer` (a write that took effect).
  const olderThan = (key: string, v: number | string | null, newer: Write): boolean => {
    if (v === null) return true;
    const writer = writers.get(`${key}\u0000${v}`);
    return (
      writer !== undefined && writer.id !== newer.id && writer.completeAt !== null && writer.completeAt < newer.invokeAt
    );
  };
  const out: Record<string, ClientSessions> = {};
  const clients = [...new Set(history.map((e) => e.client))];
  for (const client of clients) {
    const ops = parsed.filter((p) => p.entry.client === client && p.op !== null);
    const ryw = { checked: 0, breaches: [] as SessionBreach[] };
    const mr = { checked: 0, breaches: [] as SessionBreach[] };
    for (const { entry: read, op } of ops) {
      if (op?.name !== 'read' || read.result !== 'ok') continue;
      const earlier = ops.filter(
        (p) =>
          p.op?.key === op.key &&
          p.entry.completeAt !== null &&
          p.entry.completeAt < read.invokeAt &&
          p.entry.result === 'ok',
      );
      const ownWrite = last(earlier.filter((p) => p.op?.name !== 'read'));
      if (ownWrite) {
        ryw.checked++;
        if (olderThan(op.key, read.value, ownWrite.entry))
          ryw.breaches.push({ read: read.id, after: ownWrite.entry.id, key: op.key });
      }
      const seen = last(earlier.filter((p) => p.op?.name === 'read'));
      if (seen) {
        const seenWriter = seen.entry.value === null ? undefined : writers.get(`${op.key}\u0000${seen.entry.value}`);
        mr.checked++;
        const wentBack =
          seen.entry.value !== null &&
          (read.value === null || (seenWriter !== undefined && olderThan(op.key, read.value, seenWriter)));
        if (wentBack) mr.breaches.push({ read: read.id, after: seen.entry.id, key: op.key });
      }
    }
    out[client] = { readYourWrites: ryw, monotonicReads: mr };
  }
  return out;
}

/** The one that completed last (histories list ops in invoke order, so by completion here). */
function last<T extends { entry: HistoryEntry }>(items: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const item of items) if (!best || (item.entry.completeAt ?? 0) > (best.entry.completeAt ?? 0)) best = item;
  return best;
}
