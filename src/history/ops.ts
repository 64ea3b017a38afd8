import type { HistoryEntry, Operation } from '../engine/clients';

/** One operation as the search sees it: its interval, what it did, and what the history says it returned. */
export interface CheckOp {
  readonly id: number;
  readonly client: string;
  readonly invokeAt: number;
  /** Infinity for an unknown outcome (§1.5: it may take effect any time after its invocation, or never). */
  readonly completeAt: number;
  readonly isInfo: boolean;
  readonly op: Operation;
  /** What model.step is told it returned; null when unknown. */
  readonly outcome: { readonly result: 'ok'; readonly value: number | string | null } | null;
  readonly entry: HistoryEntry;
}

/** Turns a command into an operation; null when it is not one of the grammar. */
export type ParseCommand = (command: string) => Operation | null;

/**
 * The history, key by key, as the checks read it (§1.5): `fail` ops never took effect and `info` reads tell
 * nothing, so both are removed; an `info` write or cas keeps its invocation and loses its completion.
 * Keys come in the order of their first operation. Throws naming the op whose command does not parse.
 */
export function opsByKey(history: readonly HistoryEntry[], parse: ParseCommand): Map<string, CheckOp[]> {
  const byKey = new Map<string, CheckOp[]>();
  for (const entry of [...history].sort((a, b) => a.id - b.id)) {
    const op = parse(entry.op);
    if (op === null) throw new Error(`op ${entry.id}: ${JSON.stringify(entry.op)} is not an operation of the model`);
    if (entry.result === 'fail') continue;
    const isInfo = entry.result === 'info' || entry.completeAt === null;
    if (isInfo && op.name === 'read') continue;
    const checkOp: CheckOp = {
      id: entry.id,
      client: entry.client,
      invokeAt: entry.invokeAt,
      completeAt: isInfo ? Number.POSITIVE_INFINITY : (entry.completeAt as number),
      isInfo,
      op,
      outcome: isInfo ? null : { result: 'ok', value: entry.value },
      entry,
    };
    const list = byKey.get(op.key);
    if (list === undefined) byKey.set(op.key, [checkOp]);
    else list.push(checkOp);
  }
  return byKey;
}

/**
 * The history cut at `t` (§1.5, the explanation's `at`): ops invoked after t removed, ops completing after t
 * treated as `info` (and so, if reads, removed).
 */
export function cutAt(ops: readonly CheckOp[], t: number): CheckOp[] {
  const out: CheckOp[] = [];
  for (const op of ops) {
    if (op.invokeAt > t) continue;
    if (op.completeAt <= t) out.push(op);
    else if (op.op.name !== 'read')
      out.push({ ...op, completeAt: Number.POSITIVE_INFINITY, isInfo: true, outcome: null });
  }
  return out;
}
