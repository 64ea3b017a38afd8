import type { Incoming, Local, Wide } from '../../engine/kit';
import type { NodeId } from '../../engine/types';

/** A transaction id: the `command` of the client request that started it (`t1`). */
export type TxId = string;

export type Vote = 'yes' | 'no';

export type Role = 'coordinator' | 'participant';

export type TwoPcBug = 'participant-decides-alone';

export interface TwoPcConfig {
  /** `"n3"`: n3 votes no on every transaction; `"n3:t2"`: n3 votes no on t2 only. */
  readonly noVotes: readonly string[];
  /** How long the coordinator collects votes before it aborts. */
  readonly voteTimeoutMs: number;
  /** How often the coordinator resends what was not answered, and a blocked participant asks again. */
  readonly retryMs: number;
}

/**
 * A participant's transaction (Gray and Lamport's resource-manager states). `working`: it knows the
 * transaction and has not voted, so it may still abort alone. In this model the transaction's work is
 * done before the client asks to commit and a participant votes as soon as Prepare arrives, so a run
 * never stops in `working`; the state is kept because the contract's view names it.
 */
export type ParticipantState = 'working' | 'prepared' | 'committed' | 'aborted';

export interface ParticipantTx {
  readonly state: ParticipantState;
  readonly vote: Vote | null;
}

export type CoordinatorState = 'collecting' | 'committed' | 'aborted';

export interface CoordinatorTx {
  readonly state: CoordinatorState;
  /** Volatile: the votes received so far. */
  readonly votes: Readonly<Record<NodeId, Vote>>;
  /** Volatile: participants known to have the decision (they acknowledged it, or voted no). */
  readonly acks: readonly NodeId[];
}

export type Decision = 'commit' | 'abort';

/**
 * The coordinator's log (stable storage), one record per transaction, the latest one winning: `begin`
 * before the first Prepare goes out, then the decision before any Commit or Abort goes out.
 */
export type LogRecord = 'begin' | Decision;

interface Common {
  readonly id: NodeId;
  readonly coordinator: NodeId;
  readonly participants: readonly NodeId[];
  readonly config: TwoPcConfig;
  readonly bug: TwoPcBug | null;
}

export interface CoordinatorContext extends Common {
  readonly role: 'coordinator';
  /** Wide records (kit/wide.ts): one entry per transaction ever begun, updated one entry per step. */
  readonly log: Wide<LogRecord>;
  /** In the order the coordinator began them. */
  readonly transactions: Wide<CoordinatorTx>;
}

export interface ParticipantContext extends Common {
  readonly role: 'participant';
  /** In the order the participant first heard of them. */
  readonly transactions: Wide<ParticipantTx>;
}

export type TwoPcContext = CoordinatorContext | ParticipantContext;

/** What survives a crash: each role's log. */
export type TwoPcPersistent =
  | { readonly role: 'coordinator'; readonly log: Wide<LogRecord> }
  | { readonly role: 'participant'; readonly log: Wide<ParticipantTx> };

export type TwoPcMessage =
  | { readonly type: 'Prepare'; readonly tx: TxId }
  | { readonly type: 'Vote'; readonly tx: TxId; readonly vote: Vote }
  | { readonly type: 'Commit'; readonly tx: TxId }
  | { readonly type: 'Abort'; readonly tx: TxId }
  | { readonly type: 'Ack'; readonly tx: TxId }
  /** A prepared participant asking for a decision it has not received (the termination protocol). */
  | { readonly type: 'DecisionRequest'; readonly tx: TxId };

/** Timers, one of each kind per transaction; the engine schedules them as delayed events. */
export type TwoPcTimer =
  | { readonly type: 'voteTimeout'; readonly tx: TxId }
  | { readonly type: 'retry'; readonly tx: TxId }
  | { readonly type: 'inquiry'; readonly tx: TxId };

export type TwoPcEvent =
  | Incoming<TwoPcMessage>
  | Local<TwoPcTimer>
  | Local<{ readonly type: 'request'; readonly command: string }>;
