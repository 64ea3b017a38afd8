/** Virtual time, always in milliseconds since the start of a run. */
export type VirtualMs = number;
export type NodeId = string;

/** A protocol message: the protocol's own payload, discriminated by `type`. */
export interface Payload {
  readonly type: string;
}

/** Any event a machine can take: a `type` and whatever fields the protocol gives it. */
export type EventLike = Payload & { readonly [field: string]: unknown };

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

export interface LinkModel {
  /** Inclusive range; the latency of each message is drawn uniformly from it. */
  readonly latencyMs: readonly [number, number];
  readonly loss: number;
  readonly duplicate: number;
}

/** A node selector in an input: a node id, or `leader` for whichever node the protocol names. */
export type NodeRef = string;

/** The inputs of a run: every fault, request and narration, each with its virtual time. */
export type Input =
  | { readonly at: VirtualMs; readonly type: 'crash'; readonly node: NodeRef }
  | { readonly at: VirtualMs; readonly type: 'restart'; readonly node: NodeRef }
  | { readonly at: VirtualMs; readonly type: 'partition'; readonly groups: readonly (readonly NodeRef[])[] }
  | { readonly at: VirtualMs; readonly type: 'heal' }
  | {
      readonly at: VirtualMs;
      readonly type: 'cut';
      readonly from: NodeRef;
      readonly to: NodeRef;
      readonly oneWay?: boolean;
    }
  | {
      readonly at: VirtualMs;
      readonly type: 'mend';
      readonly from: NodeRef;
      readonly to: NodeRef;
      readonly oneWay?: boolean;
    }
  | {
      readonly at: VirtualMs;
      readonly type: 'link';
      readonly from: NodeRef;
      readonly to: NodeRef;
      readonly latencyMs?: readonly [number, number];
      readonly loss?: number;
      readonly duplicate?: number;
    }
  | {
      readonly at: VirtualMs;
      readonly type: 'network';
      readonly latencyMs?: readonly [number, number];
      readonly loss?: number;
      readonly duplicate?: number;
    }
  | { readonly at: VirtualMs; readonly type: 'request'; readonly command: string; readonly node?: NodeRef }
  | { readonly at: VirtualMs; readonly type: 'timeout'; readonly node: NodeRef }
  | { readonly at: VirtualMs; readonly type: 'drop'; readonly message: number }
  | { readonly at: VirtualMs; readonly type: 'duplicate'; readonly message: number }
  | { readonly at: VirtualMs; readonly type: 'caption'; readonly text: string }
  | { readonly at: VirtualMs; readonly type: 'pause'; readonly text?: string };

export type InputType = Input['type'];

export type DropReason = 'loss' | 'partition' | 'crashed' | 'user';

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
  | { readonly t: VirtualMs; readonly kind: 'timer'; readonly node: NodeId; readonly name: string }
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
  | { readonly t: VirtualMs; readonly kind: 'skip'; readonly input: InputType; readonly reason: string };

export type TraceKind = TraceRecord['kind'];

/** A fault input as the scenario wrote it, with every node selector resolved to an id, and no `at`. */
export interface FaultRecord {
  readonly t: VirtualMs;
  readonly kind: 'fault';
  readonly type: InputType;
  readonly [field: string]: unknown;
}

/** The protocol's own JSON view of a node: what the inspector, the CLI and the trace show. */
export type NodeView = { readonly [key: string]: unknown };

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
