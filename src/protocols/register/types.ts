import type { Dict, Incoming, Local } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import type { RegisterBug } from './bugs';

/** The scenario's `config` for register (config.ts has the defaults). */
export interface RegisterConfig {
  readonly clientTimeoutMs: number;
}

/** What a server keeps: its registers, written before it answers, so they survive a crash (its disk). */
export interface RegisterPersistent {
  readonly values: Dict<number>;
  /**
   * The answer to every write and cas it applied, by op id: a copy the network duplicated is answered again
   * from here, never applied twice (the client sessions of Ongaro's thesis §6.3). Absent in older states.
   */
  readonly answered?: Dict<RegisterReply>;
}

export interface ServerContext extends RegisterPersistent {
  readonly kind: 'server';
  readonly id: NodeId;
  /** The one server that serves (the first of `nodes`); the others answer `NotPrimary`. */
  readonly primary: NodeId;
  /** The bug variant the server runs, or null (bugs.ts). */
  readonly bug: RegisterBug | null;
  /** The other servers: where the `stale-backup-reads` primary sends its Replicate messages. */
  readonly backups: readonly NodeId[];
}

/** An operation a client has sent and not yet completed. */
export interface PendingOp {
  readonly op: number;
  readonly command: string;
  readonly server: NodeId;
}

export interface ClientContext {
  readonly kind: 'client';
  readonly id: NodeId;
  readonly primary: NodeId;
  readonly config: RegisterConfig;
  readonly pending: readonly PendingOp[];
  /** Every server (`stale-backup-reads` only: the client spreads reads a request does not aim over them). */
  readonly servers: readonly NodeId[];
  /** Whether it spreads reads over all servers, as a read-scaling client library does (the bug trusts backups). */
  readonly spreadsReads: boolean;
}

export type RegisterContext = ServerContext | ClientContext;

/** A client's operation on the wire: the op id ties the answer to it. */
export type RegisterRequest =
  | { readonly type: 'Read'; readonly op: number; readonly key: string }
  | { readonly type: 'Write'; readonly op: number; readonly key: string; readonly value: number }
  | {
      readonly type: 'Cas';
      readonly op: number;
      readonly key: string;
      readonly expected: number;
      readonly value: number;
    };

/** A server's answer. `CasFail`: the register did not hold `expected`; `NotPrimary`: this server does not serve. */
export type RegisterReply =
  | { readonly type: 'ReadOk'; readonly op: number; readonly value: number | null }
  | { readonly type: 'WriteOk'; readonly op: number }
  | { readonly type: 'CasOk'; readonly op: number }
  | { readonly type: 'CasFail'; readonly op: number }
  | { readonly type: 'NotPrimary'; readonly op: number };

/**
 * The `stale-backup-reads` bug only: the primary's copy of a write to a backup, sent after it answered the
 * client. The correct protocol never sends it (its backups keep nothing).
 */
export interface RegisterReplicate {
  readonly type: 'Replicate';
  readonly key: string;
  readonly value: number;
}

export type RegisterMessage = RegisterRequest | RegisterReply | RegisterReplicate;

export type ServerEvent =
  | Incoming<RegisterRequest>
  | Incoming<RegisterReplicate>
  | Local<{ readonly type: 'request'; readonly command: string }>;

export type ClientEvent =
  | Incoming<RegisterReply>
  | Local<{ readonly type: 'invoke'; readonly op: number; readonly command: string; readonly node?: NodeId }>
  | Local<{ readonly type: 'clientTimeout'; readonly op: number }>;
