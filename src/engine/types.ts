import type { DropReason, NodeId, NodeView, Payload, VirtualMs } from './basics';
import type { OpResult } from './clients';
import type { InputType } from './inputs/table';

export type { DropReason, EventLike, LinkModel, NodeId, NodeRef, NodeView, Payload, VirtualMs } from './basics';
export type { Input, InputType } from './inputs/table';

/**
 * What a node's machine receives: a payload plus who sent it (absent for timers and client requests),
 * the virtual time, and a fresh draw of entropy. Machines read time and randomness only from here.
 */
export interface Delivered extends Payload {
  readonly from?: NodeId;
  /** The virtual time of delivery. */
  readonly at: VirtualMs;
  /** The receiver's clock at delivery (kit/meta.ts). */
  readonly localAt: VirtualMs;
  /** A uint32 drawn from the node's own seeded stream, for randomized delays. */
  readonly entropy: number;
}

/** One line of the trace: everything that happened, in order. The contract's `--trace` format. */
export type TraceRecord =
  | {
      readonly t: VirtualMs;
      readonly kind: 'send';
      readonly id: number;
      readonly from: NodeId;
      readonly to: NodeId;
      readonly type: string;
      readonly deliverAt?: VirtualMs;
      /** For a message the network loses: when it vanishes on the way (then there is no `deliverAt`). */
      readonly lostAt?: VirtualMs;
      readonly message: Payload;
      /** Set on the extra copy the network (or the user) made of message `duplicateOf`. */
      readonly duplicateOf?: number;
    }
  | {
      readonly t: VirtualMs;
      readonly kind: 'deliver';
      readonly id: number;
      readonly from: NodeId;
      readonly to: NodeId;
      readonly type: string;
      /** §1.3: for a message a stalled node held, when it arrived (the record is written when it is handed). */
      readonly arrivedAt?: VirtualMs;
    }
  | {
      readonly t: VirtualMs;
      readonly kind: 'drop';
      readonly id: number;
      readonly from: NodeId;
      readonly to: NodeId;
      readonly type: string;
      readonly reason: DropReason;
    }
  | {
      readonly t: VirtualMs;
      readonly kind: 'timer';
      readonly node: NodeId;
      readonly name: string;
      /** §1.3: for a timer a stalled node held, when it came due. */
      readonly dueAt?: VirtualMs;
    }
  | { readonly t: VirtualMs; readonly kind: 'state'; readonly node: NodeId; readonly state: NodeView }
  | FaultRecord
  | { readonly t: VirtualMs; readonly kind: 'request'; readonly node: NodeId | null; readonly command: string }
  | {
      readonly t: VirtualMs;
      readonly kind: 'reply';
      readonly node: NodeId;
      readonly command: string;
      readonly ok: boolean;
      readonly note: string;
    }
  | { readonly t: VirtualMs; readonly kind: 'caption'; readonly text: string }
  | { readonly t: VirtualMs; readonly kind: 'pause'; readonly text: string }
  | { readonly t: VirtualMs; readonly kind: 'violation'; readonly invariant: string; readonly message: string }
  | { readonly t: VirtualMs; readonly kind: 'skip'; readonly input: InputType; readonly reason: string }
  // Issue 11 (spec/protocols.md §1.4, §1.5): a client's operation starts and ends; a protocol adjusted its clock.
  | {
      readonly t: VirtualMs;
      readonly kind: 'invoke';
      readonly op: number;
      readonly client: NodeId;
      readonly command: string;
    }
  | {
      readonly t: VirtualMs;
      readonly kind: 'complete';
      readonly op: number;
      readonly client: NodeId;
      readonly result: OpResult;
      readonly value: number | string | null;
    }
  | {
      readonly t: VirtualMs;
      readonly kind: 'clock';
      readonly node: NodeId;
      readonly stepMs?: number;
      readonly slewPpm?: number;
      readonly offsetMs: number;
      readonly driftPpm: number;
    };

export type TraceKind = TraceRecord['kind'];

/** A fault input as the scenario wrote it, with every node selector resolved to an id, and no `at`. */
export interface FaultRecord {
  readonly t: VirtualMs;
  readonly kind: 'fault';
  readonly type: InputType;
  readonly [field: string]: unknown;
}

export interface Violation {
  readonly invariant: string;
  readonly time: VirtualMs;
  readonly message: string;
}

export interface Skipped {
  readonly at: VirtualMs;
  readonly type: InputType;
  readonly reason: string;
}
