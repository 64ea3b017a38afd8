import type { Incoming, Local } from '../../engine/kit';
import type { NodeId } from '../../engine/types';

/** `lease`: one lock service granting leases with fencing tokens; `redlock`: N Redis masters, no token. */
export type Variant = 'lease' | 'redlock';

export type LockBug = 'no-fencing' | 'redlock-ignores-elapsed';

/** The lock keys of a scenario's `config` (config.ts gives the defaults and their sources). */
export interface LockConfig {
  readonly variant: Variant;
  readonly leaseMs: number;
  readonly holdMs: number;
  readonly fencing: boolean;
  readonly redisCount: number;
  readonly driftFactor: number;
  readonly driftMarginMs: number;
  readonly retryCount: number;
  readonly retryDelayMs: number;
  readonly clientTimeoutMs: number;
}

/** The servers' roles, by variant and position (roles.ts): the last server is always the storage. */
export type ServerRole = 'service' | 'master' | 'storage';

interface Common {
  readonly id: NodeId;
  readonly config: LockConfig;
  readonly bug: LockBug | null;
}

/** The lease service (Chubby §2.4): who holds the lock, its token (persisted), and when it expires by its clock. */
export interface ServiceContext extends Common {
  readonly role: 'service';
  readonly holder: NodeId | null;
  /** The last token granted; survives a crash, so a token is never granted twice. */
  readonly token: number;
  /** Local time (the service's clock) at which the holder's lease ends. */
  readonly expiresAt: number;
}

/** A Redis key as SET NX PX leaves it: the holder's random value and its expiry on this master's clock. */
export interface RedisKey {
  readonly value: string;
  readonly expiresAt: number;
}

export interface MasterContext extends Common {
  readonly role: 'master';
  readonly key: RedisKey | null;
}

/** One write the storage accepted. `at` is virtual time, for the picture only; `token` null under Redlock. */
export interface AcceptedWrite {
  readonly client: NodeId;
  readonly token: number | null;
  readonly value: string;
  readonly at: number;
}

export interface StorageContext extends Common {
  readonly role: 'storage';
  readonly value: string | null;
  /** The highest token it accepted (0: none yet). */
  readonly maxToken: number;
  readonly writes: readonly AcceptedWrite[];
  /** Refused writes, for the panel: who tried with which token, and when. */
  readonly rejected: readonly AcceptedWrite[];
}

export type ServerContext = ServiceContext | MasterContext | StorageContext;

/** Where a client's current `update` stands. */
export type ClientPhase = 'idle' | 'acquiring' | 'working' | 'writing';

export interface ClientContext extends Common {
  readonly role: 'client';
  /** The lock service (lease) or the Redis masters (redlock), in node order. */
  readonly servers: readonly NodeId[];
  readonly storage: NodeId;
  readonly phase: ClientPhase;
  /** The operation in progress, and the value it writes. */
  readonly op: number | null;
  readonly value: string | null;
  /** Attempts made for this operation (redlock-rb: retry_count + 1 tries). */
  readonly attempt: number;
  /** Local time when the current attempt sent Acquire / Set: the lease counts from here. */
  readonly startedAt: number;
  /** Redlock: this attempt's random value, and the masters that answered SetOk / SetFail. */
  readonly lockValue: string | null;
  readonly granted: readonly NodeId[];
  readonly refused: readonly NodeId[];
  readonly holding: boolean;
  readonly token: number | null;
  /** Local time until which the client believes it holds the lock. */
  readonly validUntil: number | null;
  /** Local time at which it began to hold (the monitor measures validity from here). */
  readonly heldSince: number | null;
}

export type LockContext = ServerContext | ClientContext;

export type LockMessage =
  | ({ readonly type: 'Acquire' } & Attempt)
  | ({ readonly type: 'Grant'; readonly token: number; readonly leaseMs: number } & Attempt)
  | ({ readonly type: 'Deny'; readonly holder: NodeId | null } & Attempt)
  | { readonly type: 'Release'; readonly token: number }
  | { readonly type: 'Set'; readonly value: string; readonly ttlMs: number }
  | { readonly type: 'SetOk'; readonly value: string }
  | { readonly type: 'SetFail'; readonly value: string }
  | { readonly type: 'Del'; readonly value: string }
  | { readonly type: 'Write'; readonly value: string; readonly token: number | null; readonly op: number }
  | { readonly type: 'WriteOk'; readonly token: number | null; readonly op: number }
  | { readonly type: 'WriteRejected'; readonly token: number | null; readonly maxToken: number; readonly op: number };

/** Which operation and which of its attempts a lease message belongs to, so late answers are told apart. */
interface Attempt {
  readonly op: number;
  readonly attempt: number;
}

export type LockTimer =
  | { readonly type: 'work'; readonly op: number }
  | { readonly type: 'retry'; readonly op: number }
  | { readonly type: 'setUnanswered'; readonly op: number; readonly attempt: number }
  | { readonly type: 'opTimeout'; readonly op: number }
  | { readonly type: 'expire' };

export type LockEvent =
  | Incoming<LockMessage>
  | Local<LockTimer>
  | Local<{ readonly type: 'invoke'; readonly op: number; readonly command: string; readonly node?: NodeId }>
  | Local<{ readonly type: 'request'; readonly command: string }>;
