import type { NetworkState } from './network';
import type { NodeId, TraceRecord, VirtualMs } from './types';

/** How long a run must have been free of faults for its end-of-run checks to count (spec/protocols.md §1.8). */
export const SETTLE_MS = 2000;

export interface SettleInput {
  readonly nowMs: VirtualMs;
  readonly network: NetworkState;
  readonly nodes: readonly { readonly id: NodeId; readonly isUp: boolean }[];
  /** §1.8: the nodes in a process pause (stall) at the end. */
  readonly stalled?: readonly NodeId[];
  /** The trace up to now, newest last. */
  readonly trace: readonly TraceRecord[];
  readonly traceLength: number;
}

/**
 * Why a run has not settled, or null when it has: an end-of-run (eventual) property is judged only on a
 * run whose network is whole and lossless, whose nodes are all up, and that saw no fault for `SETTLE_MS`.
 * Firing a timer early (`timeout`) is no fault of the network.
 */
export function unsettledReason(s: SettleInput, settleMs: VirtualMs = SETTLE_MS): string | null {
  const { network } = s;
  if (Object.keys(network.groups).length > 0) return 'a partition is in force at the end';
  if (network.cuts.length > 0) return 'a link is cut at the end';
  if (network.model.loss > 0 || Object.values(network.links).some((l) => (l.loss ?? 0) > 0)) {
    return 'the network loses messages at the end';
  }
  const down = s.nodes.find((n) => !n.isUp);
  if (down) return `${down.id} is down at the end`;
  const stalled = s.stalled?.[0];
  if (stalled !== undefined) return `${stalled} is stalled at the end`;
  for (let i = s.traceLength - 1; i >= 0; i--) {
    const r = s.trace[i] as TraceRecord;
    if (r.t <= s.nowMs - settleMs) break;
    if (r.kind === 'fault' && r.type !== 'timeout')
      return `a fault (${r.type}) came less than ${settleMs} ms before the end`;
  }
  return null;
}
