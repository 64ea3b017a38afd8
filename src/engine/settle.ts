import type { NetworkState } from './network';
import type { AnyProtocol } from './protocol';
import type { NodeId, TraceRecord, Violation, VirtualMs } from './types';

/** How long a run must have been free of faults for its end-of-run checks to count: `settleMs` [2000] (spec/protocols.md §1.8). */
export const SETTLE_MS = 2000;

/**
 * §1.8: the fault inputs that unsettle a run when one came in the last `settleMs`. Firing a timer early
 * (`timeout`) is no fault of the network or the nodes, and dropping or duplicating one message is not an input.
 */
export const UNSETTLING_FAULTS: ReadonlySet<string> = new Set([
  'crash',
  'restart',
  'partition',
  'heal',
  'cut',
  'mend',
  'link',
  'network',
  'stall',
  'clock',
  'byzantine',
  'join',
  'leave',
]);

export interface SettleInput {
  readonly nowMs: VirtualMs;
  readonly network: NetworkState;
  /** `isStalled` (§1.3) is absent until nodes can stall. */
  readonly nodes: readonly { readonly id: NodeId; readonly isUp: boolean; readonly isStalled?: boolean }[];
  /** The trace up to now, newest last. */
  readonly trace: readonly TraceRecord[];
  readonly traceLength: number;
}

/**
 * Why a run has not settled, or null when it has (§1.8): no partition or cut in force, loss 0 everywhere, no
 * node stalled, every node up (unless `downOk`: an invariant that speaks of the up nodes only), and no fault
 * input in the last `settleMs`.
 */
export function unsettledReason(s: SettleInput, settleMs: VirtualMs = SETTLE_MS, downOk = false): string | null {
  const { network } = s;
  if (Object.keys(network.groups).length > 0) return 'a partition is in force at the end';
  if (network.cuts.length > 0) return 'a link is cut at the end';
  if (network.model.loss > 0 || Object.values(network.links).some((l) => (l.loss ?? 0) > 0)) {
    return 'the network loses messages at the end';
  }
  const stalled = s.nodes.find((n) => n.isUp && n.isStalled === true);
  if (stalled) return `${stalled.id} is stalled at the end`;
  const down = downOk ? undefined : s.nodes.find((n) => !n.isUp);
  if (down) return `${down.id} is down at the end`;
  for (let i = s.traceLength - 1; i >= 0; i--) {
    const r = s.trace[i] as TraceRecord;
    if (r.t <= s.nowMs - settleMs) break;
    if (r.kind === 'fault' && UNSETTLING_FAULTS.has(r.type))
      return `a fault (${r.type}) came less than ${settleMs} ms before the end`;
  }
  return null;
}

/** An eventual invariant that was not judged, and why (runner JSON `unchecked`, §1.8). */
export interface Unchecked {
  readonly invariant: string;
  readonly reason: string;
}

/**
 * For each eventual invariant, why it cannot be judged at the end of this run (§1.8): the run's own reason, or
 * for a `downOk` invariant the reason with crashed nodes allowed.
 */
export function uncheckedInvariants(
  invariants: readonly { readonly id: string; readonly eventual?: boolean; readonly downOk?: boolean }[],
  s: SettleInput,
  settleMs: VirtualMs = SETTLE_MS,
): Unchecked[] {
  const strict = unsettledReason(s, settleMs, false);
  const lenient = strict === null ? null : unsettledReason(s, settleMs, true);
  const out: Unchecked[] = [];
  for (const i of invariants) {
    if (!i.eventual) continue;
    const reason = i.downOk ? lenient : strict;
    if (reason !== null) out.push({ invariant: i.id, reason });
  }
  return out;
}

/**
 * The end of a run: the protocol's end-of-run check (`Monitor.settled`), once, for the eventual invariants that
 * can be judged (spec/protocols.md §1.8); `unchecked` names the others and why, `unsettled` says why the run as
 * a whole had not settled, or null. `settle` runs the monitor's check for the invariants `judged` accepts.
 */
export function settleRun(
  protocol: AnyProtocol,
  input: SettleInput,
  settle: (judged?: (invariant: string) => boolean) => readonly Violation[],
): { unsettled: string | null; unchecked: readonly Unchecked[]; violations: readonly Violation[] } {
  if (!protocol.monitor.settled) return { unsettled: null, unchecked: [], violations: [] };
  const settleMs = protocol.settleMs ?? SETTLE_MS;
  const unsettled = unsettledReason(input, settleMs);
  const unchecked = uncheckedInvariants(protocol.invariants, input, settleMs);
  if (unsettled === null) return { unsettled, unchecked, violations: settle() };
  const skipped = new Set(unchecked.map((u) => u.invariant));
  const judged = protocol.invariants.filter((i) => i.eventual && i.downOk && !skipped.has(i.id));
  if (judged.length === 0) return { unsettled, unchecked, violations: [] };
  // Only downOk invariants can be judged with nodes down: the others' findings are not made.
  const ids = new Set(judged.map((i) => i.id));
  return { unsettled, unchecked, violations: settle((invariant) => ids.has(invariant)) };
}
