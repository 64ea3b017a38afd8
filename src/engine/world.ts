import type { NodeId, NodeView, VirtualMs } from './basics';

/** One node as invariants and selectors see it. */
export interface NodeStatus<Context = unknown> {
  readonly id: NodeId;
  /** The node's kind (topology.ts): `server` unless the protocol declares kinds. */
  readonly kind: string;
  readonly isUp: boolean;
  /** The machine's context: the live state while up, the last state before the crash while down. */
  readonly context: Context;
  readonly view: NodeView;
  /** §1.6: the Byzantine mode the node runs, absent while honest (invariants about honest nodes skip it). */
  readonly byzantine?: string;
  /** §1.7: false for a server outside the cluster (standby, or after `leave`); absent without membership. */
  readonly member?: boolean;
}

export interface World<Context = unknown> {
  readonly nowMs: VirtualMs;
  readonly nodes: readonly NodeStatus<Context>[];
}
