import type { Incoming, Local } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import type { PbBug } from './bugs';

/** The scenario's `config` (config.ts has the defaults and their sources). */
export interface PbConfig {
  readonly mode: 'async' | 'semi-sync' | 'sync';
  readonly semiSyncTimeoutMs: number;
  readonly heartbeatMs: number;
  readonly failoverTimeoutMs: number;
  readonly clientTimeoutMs: number;
}

export type Role = 'primary' | 'backup';

/**
 * One write in a server's log: the epoch of the primary that took it, the command as the client wrote it
 * (`write x 3`, or a `cas x 1 2` that found 1), and the client operation it came from, so an acknowledged write
 * that a later primary lacks can be named (the fact `ackedWritesLost`).
 */
export interface LogEntry {
  readonly epoch: number;
  readonly command: string;
  readonly op: number;
  readonly client: NodeId;
}

/** Whose log a server's log is a copy of: the primary and epoch whose full log it last took (see backup.ts). */
export interface SyncedWith {
  readonly epoch: number;
  readonly primary: NodeId;
}

/** What a server keeps on disk (MySQL's binary and relay logs, and what it believes about its role). */
export interface PbPersistent {
  readonly role: Role;
  readonly epoch: number;
  readonly primaryId: NodeId | null;
  readonly log: readonly LogEntry[];
  readonly ackedIndex: number;
  readonly syncedWith: SyncedWith | null;
  /** Ops whose cas this server answered CasFail: a duplicate must get the same answer, never take effect. */
  readonly casFailed: readonly number[];
}

/** A client operation the primary has logged and not yet acknowledged. */
export interface Waiting {
  readonly op: number;
  readonly client: NodeId;
  readonly index: number;
  readonly kind: 'WriteOk' | 'CasOk';
}

/** What a backup heard while asking the others' positions before promoting itself. */
export interface HeardPosition {
  readonly from: NodeId;
  readonly epoch: number;
  readonly role: Role;
  readonly lastEpoch: number;
  readonly length: number;
}

export interface ServerContext extends PbPersistent {
  readonly kind: 'server';
  readonly id: NodeId;
  /** Every server, in scenario order (ties between positions go to the earlier). */
  readonly servers: readonly NodeId[];
  readonly clients: readonly NodeId[];
  readonly config: PbConfig;
  readonly bug: PbBug | null;
  /** MySQL's Rpl_semi_sync_source_status: a semi-sync primary waiting for Acks (false after falling back). */
  readonly semiSyncOn: boolean;
  /** The primary's knowledge of each backup's log: how many of its entries the backup holds (0: unknown). */
  readonly matchIndex: Readonly<Record<NodeId, number>>;
  readonly waiting: readonly Waiting[];
  /** A backup asking the others' positions: what it has heard so far; null otherwise. */
  readonly asking: readonly HeardPosition[] | null;
}

export interface PendingOp {
  readonly op: number;
  readonly command: string;
  readonly server: NodeId;
  readonly request: PbRequest;
  /** How many times a NotPrimary's hint has sent it on. */
  readonly hops: number;
}

export interface ClientContext {
  readonly kind: 'client';
  readonly id: NodeId;
  readonly servers: readonly NodeId[];
  /** The server it believes is the primary (the first at the start; then NewPrimary's and NotPrimary's word). */
  readonly primary: NodeId;
  /** The highest epoch a NewPrimary told it of. */
  readonly epoch: number;
  readonly config: PbConfig;
  readonly pending: readonly PendingOp[];
}

export type PbContext = ServerContext | ClientContext;

/** A client's operation on the wire (the shared register grammar, spec §1.5). */
export type PbRequest =
  | { readonly type: 'Read'; readonly op: number; readonly key: string }
  | { readonly type: 'Write'; readonly op: number; readonly key: string; readonly value: number }
  | {
      readonly type: 'Cas';
      readonly op: number;
      readonly key: string;
      readonly expected: number;
      readonly value: number;
    };

/** A server's answer; NotPrimary names the primary it follows, if any (the client tries it next). */
export type PbReply =
  | { readonly type: 'ReadOk'; readonly op: number; readonly value: number | null }
  | { readonly type: 'WriteOk'; readonly op: number }
  | { readonly type: 'CasOk'; readonly op: number }
  | { readonly type: 'CasFail'; readonly op: number }
  | { readonly type: 'NotPrimary'; readonly op: number; readonly primaryId: NodeId | null };

/** The replication messages of spec/protocols.md `primary-backup`. */
export type PbServerMessage =
  /** Entries from `index` (1-based) of the primary's log; from 1 it is the whole log, a full copy. */
  | {
      readonly type: 'Replicate';
      readonly epoch: number;
      readonly index: number;
      readonly entries: readonly LogEntry[];
      readonly ackedIndex: number;
    }
  /** How many entries of the primary's log the backup holds (0: send me all of it), and whom it follows. */
  | { readonly type: 'Ack'; readonly epoch: number; readonly index: number; readonly primaryId: NodeId | null }
  | { readonly type: 'Heartbeat'; readonly epoch: number; readonly ackedIndex: number }
  | { readonly type: 'Position'; readonly epoch: number }
  | {
      readonly type: 'PositionReply';
      readonly epoch: number;
      readonly role: Role;
      readonly primaryId: NodeId | null;
      readonly lastEpoch: number;
      readonly length: number;
    }
  | { readonly type: 'NewPrimary'; readonly epoch: number };

export type PbMessage = PbRequest | PbReply | PbServerMessage;

export type ServerTimer =
  | { readonly type: 'heartbeat' }
  | { readonly type: 'failover' }
  | { readonly type: 'positions' }
  | { readonly type: 'semiSyncTimeout'; readonly index: number };

export type ServerEvent =
  | Incoming<PbRequest>
  | Incoming<PbServerMessage>
  | Local<ServerTimer>
  | Local<{ readonly type: 'request'; readonly command: string }>;

export type ClientEvent =
  | Incoming<PbReply>
  | Incoming<Extract<PbServerMessage, { type: 'NewPrimary' }>>
  | Local<{ readonly type: 'invoke'; readonly op: number; readonly command: string; readonly node?: NodeId }>
  | Local<{ readonly type: 'clientTimeout'; readonly op: number }>;
