import type { Incoming, Local } from '../../engine/kit';
import type { NodeId } from '../../engine/types';

/**
 * Multi-Paxos in the words of its sources: Lamport, "Paxos Made Simple" (2001) §3 (a sequence of instances,
 * one distinguished leader); van Renesse & Altinbuken, "Paxos Made Moderately Complex" (ACM CSUR 2015, PMMC:
 * replicas with slot_in, slot_out and WINDOW; acceptors; leaders with their scouts and commanders); Chandra,
 * Griesemer & Redstone, "Paxos Made Live" (PODC 2007). A ballot is PMMC's ballot number: spec/protocols.md
 * writes it `{ round, node }`, ordered by round, then by the node's position.
 */
export interface Ballot {
  readonly round: number;
  readonly node: NodeId;
}

/** PMMC's pvalue without its slot: the ballot a command was accepted in (the slot is the map's key). */
export interface PValue {
  readonly ballot: Ballot;
  readonly command: string;
}

/** Slot number (1, 2, ...) to the pvalue with the highest ballot an acceptor accepted there. */
export type Accepted = Readonly<Record<number, PValue>>;

/** The command a new leader fills a gap with ("Paxos Made Simple" §3: "a special no-op command"). */
export const NOOP = 'noop';

export interface MultiPaxosConfig {
  readonly leaderTimeoutMs: readonly [number, number];
  readonly heartbeatMs: number;
  readonly window: number;
}

export type MultiPaxosBug = 'skip-phase1-on-takeover' | 'no-noop-fill';

export type Role = 'leader' | 'candidate' | 'follower';

/** One of a leader's commanders (PMMC): a proposal in one slot and the acceptors that accepted it. */
export interface Proposal {
  readonly command: string;
  readonly accepts: readonly NodeId[];
  /** Sent since the last heartbeat tick: its `P2a` are not resent before a whole heartbeat period has passed. */
  readonly isFresh: boolean;
}

/**
 * What survives a crash: the acceptor's promise and accepted pvalues ("Paxos Made Simple" §2.5, §3), the
 * highest round this node has led (so it never reuses a ballot), and the replica's decided slots (Paxos Made
 * Live §4: the log is on disk). The replica re-executes its decisions on restart, so slot_out is rebuilt.
 */
export interface MultiPaxosPersistent {
  readonly promised: Ballot | null;
  readonly accepted: Accepted;
  readonly round: number;
  /** Entry i is slot i + 1: the command decided there, or null while undecided. */
  readonly decisions: readonly (string | null)[];
}

export interface MultiPaxosContext extends MultiPaxosPersistent {
  readonly id: NodeId;
  readonly nodes: readonly NodeId[];
  readonly config: MultiPaxosConfig;
  readonly bug: MultiPaxosBug | null;
  readonly role: Role;
  /** The ballot this node runs phase 1 in, or leads with; null while it follows. */
  readonly ballot: Ballot | null;
  /** The leader this node last heard from (a `Heartbeat` or `P2a` at or above its promise). */
  readonly leaderId: NodeId | null;
  /** PMMC's slot_in: the next slot this node would propose into. */
  readonly slotIn: number;
  /** PMMC's slot_out: the next slot to execute; every slot below it is decided and executed. */
  readonly slotOut: number;
  /** A candidate's scout: who sent a `P1b` for its ballot. */
  readonly promises: readonly NodeId[];
  /** A candidate's scout: the highest-ballot pvalue per slot among the `P1b`s it holds (PMMC's pmax). */
  readonly reported: Accepted;
  /** A leader's commanders: undecided proposals by slot. */
  readonly proposals: Readonly<Record<number, Proposal>>;
  /** Requests waiting for the window to open (PMMC's requests). */
  readonly requests: readonly string[];
  /** Requests this node proposed, by slot: answered when the slot is executed. */
  readonly owed: Readonly<Record<number, string>>;
}

/** The seven messages of spec/protocols.md `multipaxos`, named as PMMC names them. */
export type MultiPaxosMessage =
  | { readonly type: 'P1a'; readonly ballot: Ballot }
  | { readonly type: 'P1b'; readonly ballot: Ballot; readonly accepted: Accepted }
  | { readonly type: 'P2a'; readonly ballot: Ballot; readonly slot: number; readonly command: string }
  | { readonly type: 'P2b'; readonly ballot: Ballot; readonly slot: number }
  | { readonly type: 'Decision'; readonly slot: number; readonly command: string }
  | { readonly type: 'Preempted'; readonly ballot: Ballot; readonly promised: Ballot }
  | { readonly type: 'Heartbeat'; readonly ballot: Ballot; readonly slotOut: number };

export type MultiPaxosEvent =
  | Incoming<MultiPaxosMessage>
  | Local<{ readonly type: 'request'; readonly command: string }>
  | Local<{ readonly type: 'leaderTimeout' }>
  | Local<{ readonly type: 'heartbeat' }>;

/** The contract's node view (spec/protocols.md `multipaxos`). */
export interface MultiPaxosView {
  readonly role: Role;
  readonly ballot: Ballot | null;
  readonly leaderId: NodeId | null;
  readonly slotIn: number;
  readonly slotOut: number;
  readonly decisions: readonly (string | null)[];
  readonly accepted: Accepted;
  readonly [key: string]: unknown;
}
