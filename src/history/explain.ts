import { quote } from '../engine/quote';
import { type CheckOp, cutAt } from './ops';
import type { SearchVerdict } from './search';

/** How a history tells time: virtual ms, or (a Jepsen log) line numbers. */
export type TimeUnit = 'ms' | 'line';

/** A search of one key's ops: the linearizability or the sequential-consistency search with the model bound. */
export type Search = (ops: readonly CheckOp[]) => SearchVerdict;

/**
 * §1.5 `at`: the earliest completion time t at which the history cut at t has no valid order. A cut at a later
 * time only adds constraints (ops invoked after t could only follow every op completed by t, and an op that
 * completes after t is unknown in the cut), so "no valid order" is monotone in t and a binary search over the
 * ok completion times finds the earliest. Null when no cut fails (the whole history then has an order).
 */
export function violationAt(ops: readonly CheckOp[], search: Search): number | null {
  const times = [...new Set(ops.filter((op) => !op.isInfo).map((op) => op.completeAt))].sort((a, b) => a - b);
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (search(cutAt(ops, times[mid] as number)) === 'violation') hi = mid;
    else lo = mid + 1;
  }
  return lo < times.length ? (times[lo] as number) : null;
}

/**
 * §1.5 `ops`: from the cut history, drop ops one at a time in id order, keeping each drop after which there is
 * still no valid order; what is left cannot be ordered together. Dropping an op forgets what the history says
 * of it: a read goes, a write or cas becomes unknown (it may take effect at any time, or never), so a write that
 * a stale read needs is kept (spec's example: the ops of `op 5 read x -> 1 cannot follow op 4 write x 2` are
 * [2, 4, 5], op 2 the write of 1). Removing the write instead would leave only "a read of a value never written".
 */
export function minimalOps(cut: readonly CheckOp[], search: Search): CheckOp[] {
  const order = [...cut].filter((op) => !op.isInfo).sort((a, b) => a.id - b.id);
  let current: readonly CheckOp[] = cut;
  const kept: CheckOp[] = [];
  // Forgetting more only allows more orders, so if forgetting the next k ops together still leaves no order,
  // forgetting them one at a time in id order would drop each of them too: the same result in fewer searches
  // (k doubles while drops succeed, and falls back to 1 when one fails).
  let k = 1;
  for (let i = 0; i < order.length; ) {
    const chunk = new Set(order.slice(i, i + k));
    const trial = current.flatMap((op) => (chunk.has(op) ? forget(op) : [op]));
    if (search(trial) === 'violation') {
      current = trial;
      i += chunk.size;
      k *= 2;
    } else if (k > 1) k = 1;
    else {
      // An unknown op never has to take effect, so it is never needed for the failure; this one is.
      kept.push(order[i] as CheckOp);
      i++;
    }
  }
  return kept;
}

/** What dropping an op leaves of it: nothing for a read, an unknown outcome for a write or cas. */
function forget(op: CheckOp): CheckOp[] {
  if (op.op.name === 'read') return [];
  return [{ ...op, completeAt: Number.POSITIVE_INFINITY, isInfo: true, outcome: null }];
}

/**
 * The violation's message (§1.5): the op that completes last cannot follow the others,
 * `op 5 (c2 read x -> 1, 700-812 ms) cannot follow op 4 (c1 write x 2, ok at 640 ms)`.
 */
export function violationMessage(ops: readonly CheckOp[], unit: TimeUnit = 'ms'): string {
  const at = (t: number) => (unit === 'ms' ? `${t} ms` : `line ${t}`);
  const subject = [...ops].sort((a, b) => b.completeAt - a.completeAt || b.id - a.id)[0];
  if (subject === undefined) return 'no valid order';
  const interval =
    unit === 'ms' ? `${subject.invokeAt}-${subject.completeAt} ms` : `lines ${subject.invokeAt}-${subject.completeAt}`;
  const span = subject.isInfo ? `from ${at(subject.invokeAt)}, unknown` : interval;
  const head = `op ${subject.id} (${describe(subject)}, ${span})`;
  const others = ops.filter((op) => op !== subject).map((op) => `op ${op.id} (${describe(op)}, ${status(op, at)})`);
  if (others.length === 0) return `${head} has no valid order`;
  const list = others.length === 1 ? others[0] : `${others.slice(0, -1).join(', ')} and ${others.at(-1)}`;
  return `${head} cannot follow ${list}`;
}

function describe(op: CheckOp): string {
  const command = quote(op.entry.op, (s) => s);
  const client = quote(op.client, (s) => s);
  if (op.op.name === 'read' && op.outcome !== null) return `${client} ${command} -> ${String(op.outcome.value)}`;
  return `${client} ${command}`;
}

function status(op: CheckOp, at: (t: number) => string): string {
  return op.isInfo ? `unknown, invoked at ${at(op.invokeAt)}` : `ok at ${at(op.completeAt)}`;
}
