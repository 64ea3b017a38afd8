import type { Dict, Incoming, Local } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import type { HashRing } from '../shared/hashRing';

/**
 * Dynamo-style leaderless replication in the words of DeCandia et al., "Dynamo: Amazon's Highly Available
 * Key-value Store", SOSP 2007. A key's preference list is the first `n` distinct nodes clockwise on the ring
 * (§4.3); the node a client contacts coordinates (§4.5); `r` answers make a read, `w` acknowledgements a write.
 */
export type Conflicts = 'vv' | 'lww';

/** The scenario's `config` for quorum (config.ts has the defaults and their sources). */
export interface QuorumConfig {
  readonly n: number;
  readonly r: number;
  readonly w: number;
  readonly sloppy: boolean;
  readonly hintedHandoff: boolean;
  readonly readRepair: boolean;
  readonly conflicts: Conflicts;
  readonly antiEntropyMs: number;
  readonly requestTimeoutMs: number;
  readonly handoffMs: number;
  readonly vnodes: number;
  readonly clientTimeoutMs: number;
}

export type QuorumBug = 'ack-before-w' | 'lww-by-arrival';

/** A vector clock (§4.4): a counter per coordinating node. */
export type Clock = Readonly<Record<NodeId, number>>;

/**
 * One version of a key under `vv` (§4.4): the value, the event that wrote it (its coordinator and that
 * coordinator's counter, the "dot") and the clock of what its writer had read (the context, §4.1). Its own
 * vector clock is the context plus the dot. Keeping the dot apart from the context is Riak's dotted version
 * vectors: two blind writes through one coordinator stay siblings instead of one silently replacing the other.
 */
export interface Sibling {
  readonly value: number;
  readonly dot: readonly [NodeId, number];
  readonly seen: Clock;
}

/** A key under `vv`: its concurrent versions (siblings), none of which saw another (Riak `allow_mult`). */
export interface VvObject {
  readonly kind: 'vv';
  readonly siblings: readonly Sibling[];
}

/** A key under `lww`: one value and its timestamp, the coordinator's clock and id (Cassandra). */
export interface LwwObject {
  readonly kind: 'lww';
  readonly value: number;
  readonly ts: readonly [number, NodeId];
}

export type StoredObject = VvObject | LwwObject;

/** A version a stand-in keeps for a node it could not reach, to hand off later (§4.6). */
export interface Hinted {
  readonly for: NodeId;
  readonly key: string;
  readonly object: StoredObject;
}

/** What a server keeps on disk: its replicas and the hinted versions it holds for others. */
export interface QuorumPersistent {
  readonly store: Dict<StoredObject>;
  readonly hinted: readonly Hinted[];
}

/** One client operation this node coordinates (§4.5): whom it asked, who answered, what it has. */
export interface Coordination {
  readonly id: string;
  readonly kind: 'read' | 'write';
  readonly client: NodeId;
  readonly op: number;
  readonly key: string;
  /** The answers it needs: `r` or `w`. */
  readonly need: number;
  /** The key's preference list: the first `n` distinct nodes clockwise (§4.3). */
  readonly preference: readonly NodeId[];
  /** Every node asked so far, in order; stand-ins past the preference list carry a hint (§4.6). */
  readonly asked: readonly NodeId[];
  /** Stand-in -> the preference-list node it stands in for. */
  readonly standIns: Readonly<Record<NodeId, NodeId>>;
  readonly answered: readonly NodeId[];
  /** A write: the version sent to the replicas, and the client's own version in it (the PutOk to the client). */
  readonly object: StoredObject | null;
  readonly written: StoredObject | null;
  /** A read: what each answer held (null: nothing), by node. */
  readonly replies: Readonly<Record<NodeId, StoredObject | null>>;
  /** Whether the client has its answer. */
  readonly isDone: boolean;
}

export interface ServerContext extends QuorumPersistent {
  readonly kind: 'server';
  readonly id: NodeId;
  readonly nodes: readonly NodeId[];
  readonly config: QuorumConfig;
  readonly bug: QuorumBug | null;
  readonly ring: HashRing;
  readonly tokens: readonly number[];
  readonly coordinating: readonly Coordination[];
  /** The peer to exchange digests with next (§4.7), an index into the other servers. */
  readonly antiEntropyNext: number;
}

/** An operation a client has sent and not yet completed. */
export interface PendingOp {
  readonly op: number;
  readonly kind: 'read' | 'write';
  readonly key: string;
  readonly command: string;
  readonly coordinator: NodeId;
}

/** A client's last completed operation, with the version it saw or wrote (the invariant reads it). */
export interface Completed {
  readonly op: number;
  readonly kind: 'read' | 'write';
  readonly key: string;
  readonly object: StoredObject | null;
}

export interface ClientContext {
  readonly kind: 'client';
  readonly id: NodeId;
  readonly servers: readonly NodeId[];
  readonly config: QuorumConfig;
  readonly ring: HashRing;
  readonly pending: readonly PendingOp[];
  /** The context of the client's last read of each key (§4.1), sent with its next write of that key. */
  readonly contexts: Dict<Clock>;
  readonly last: Completed | null;
}

export type QuorumContext = ServerContext | ClientContext;

/** Dynamo's messages (§4.5, §4.6, §4.7, §5). `op` and `client` tie a coordinator's traffic to the client operation. */
export type QuorumMessage =
  | {
      readonly type: 'Get';
      readonly key: string;
      readonly op: number;
      readonly client: NodeId;
      readonly coordinator?: NodeId;
    }
  | {
      readonly type: 'GetOk';
      readonly key: string;
      readonly op: number;
      readonly client: NodeId;
      readonly object: StoredObject | null;
    }
  | {
      readonly type: 'Put';
      readonly key: string;
      readonly op: number;
      readonly client: NodeId;
      /** From a client: the value and the context of its last read (§4.1). */
      readonly value?: number;
      readonly context?: Clock;
      /** From a coordinator: the version to store, and for a stand-in the node it is meant for (§4.6). */
      readonly object?: StoredObject;
      readonly hint?: NodeId;
      readonly coordinator?: NodeId;
    }
  | {
      readonly type: 'PutOk';
      readonly key: string;
      readonly op: number;
      readonly client: NodeId;
      readonly object: StoredObject;
      /** The answer to a Handoff: the intended node now holds it. */
      readonly handoff?: boolean;
    }
  | { readonly type: 'ReadRepair'; readonly key: string; readonly object: StoredObject }
  | { readonly type: 'Handoff'; readonly key: string; readonly object: StoredObject }
  | {
      readonly type: 'AntiEntropy';
      /**
       * §4.7 replica synchronization: the versions the sender holds of the keys both nodes replicate (the paper
       * compares Merkle trees of them first; here the versions themselves are exchanged). The answer carries
       * what the receiver holds that the sender's versions did not cover, and is not answered again.
       */
      readonly objects: Readonly<Record<string, StoredObject>>;
      readonly isReply: boolean;
    };

export type ServerEvent =
  | Incoming<QuorumMessage>
  | Local<{ readonly type: 'request'; readonly command: string }>
  | Local<{ readonly type: 'requestTimeout'; readonly id: string }>
  | Local<{ readonly type: 'antiEntropy' }>
  | Local<{ readonly type: 'handoff' }>;

export type ClientEvent =
  | Incoming<QuorumMessage>
  | Local<{ readonly type: 'invoke'; readonly op: number; readonly command: string; readonly node?: NodeId }>
  | Local<{ readonly type: 'clientTimeout'; readonly op: number }>;
