import type { HistoryCheckReply } from '../../app/historyCheck';
import type { Consistency } from '../../engine/clients';
import type { Violation } from '../../engine/types';

/** A side's safety in one line: every rule holds so far, or which broke first and when. */
export function safetyLine(
  invariants: readonly { readonly id: string; readonly title: string }[],
  violations: readonly Violation[],
  formatMs: (ms: number) => string,
): string {
  if (invariants.length === 0) return 'No safety rules to check.';
  const first = new Map<string, number>();
  for (const v of violations) if (!first.has(v.invariant)) first.set(v.invariant, v.time);
  if (first.size === 0) return `Safety: all ${invariants.length} rules hold so far.`;
  const broken = invariants
    .filter((inv) => first.has(inv.id))
    .map((inv) => `${inv.title} (at ${formatMs(first.get(inv.id) ?? 0)})`);
  return `Safety broken: ${broken.join(', ')}.`;
}

/** The history checker's verdict on a side's operations so far, in one line. */
export function historyLine(declared: Consistency | null, reply: HistoryCheckReply | null, operations: number): string {
  const guarantee = declared === 'sequential' ? 'sequential' : 'linearizable';
  const name = guarantee === 'linearizable' ? 'Linearizable' : 'Sequentially consistent';
  if (operations === 0) return `${name}: no operations yet.`;
  if (reply === null) return `${name}: checking ${operations} operations…`;
  if (reply.kind === 'error') return `${name}: not checked (${reply.message}).`;
  const result = reply.outcome.consistency[guarantee];
  if (result === undefined) return `${name}: checking ${operations} operations…`;
  if (result.verdict === 'ok') return `${name}: yes, all ${operations} operations fit one order.`;
  if (result.verdict === 'unknown') return `${name}: unknown (the search ran out of budget on key ${result.key}).`;
  return `${name}: no, on key ${result.key} (ops ${result.ops.join(', ')}).`;
}
