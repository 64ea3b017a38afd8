import type { Incoming, Local } from '../../engine/kit';
import type { NodeId } from '../../engine/types';

/**
 * Single-decree Paxos in the words of Lamport, "Paxos Made Simple" (2001), §2. A ballot is the paper's
 * "proposal number": spec/protocols.md writes it `{ round, node }`, ordered by round, then by the node's
 * position, so the numbers two proposers draw are disjoint (§2.5).
 */
export interface Ballot {
  readonly round: number;
  readonly node: NodeId;
}

/** A proposal the paper's way: a number and a value (§2.2). */
export interface Proposal {
  readonly ballot: Ballot;
  readonly value: string;
}

/** The scenario's `config` for paxos (config.ts has the defaults and their sources). */
export interface PaxosConfig {
  readonly proposers: number;
  readonly retryMs: readonly [number, number];
  readonly randomRetry: boolean;
}

export type PaxosBug = 'acceptor-forgets-promise-on-restart' | 'proposer-ignores-accepted-value';

export type Phase = 'idle' | 'prepare' | 'accept' | 'done';

/** A promise a proposer holds: who made it, and the highest-numbered proposal it had accepted (§2.2, 1(b)). */
export interface PromiseHeld {
  readonly from: NodeId;
  readonly accepted: Proposal | null;
}

/** The proposer's part of a node (the first `proposers` nodes only). */
export interface ProposerState {
  readonly ballot: Ballot | null;
  readonly phase: Phase;
  /** The value a client asked it to propose; null until asked (and again after a crash). */
  readonly own: string | null;
  /** The value it sends in phase 2: P2c's pick from the promises, else its own; null before phase 2. */
  readonly proposing: string | null;
  readonly promises: readonly PromiseHeld[];
  /** Acceptors whose `Accepted` for its ballot it has heard (as a learner, §2.3). */
  readonly accepts: readonly NodeId[];
  /** Requests waiting for the choice; each is answered with the chosen value. */
  readonly waiting: readonly string[];
}

/** A learner's tally: for each ballot it heard of, the value and the acceptors that accepted it (§2.3). */
export interface Tally {
  readonly ballot: Ballot;
  readonly value: string;
  readonly from: readonly NodeId[];
}

/**
 * What survives a crash (§2.5: "An acceptor must remember this information even if it fails and then
 * restarts"; a proposer remembers the highest-numbered proposal it has tried to issue). The learned value
 * is a fact and is kept too.
 */
export interface PaxosPersistent {
  readonly promised: Ballot | null;
  readonly accepted: Proposal | null;
  readonly round: number;
  readonly chosen: string | null;
}

export interface PaxosContext extends PaxosPersistent {
  readonly id: NodeId;
  readonly nodes: readonly NodeId[];
  readonly config: PaxosConfig;
  readonly bug: PaxosBug | null;
  readonly proposer: ProposerState | null;
  readonly tallies: readonly Tally[];
}

/** The five messages of §2.2 and §2.3, with the paper's names (spec/protocols.md `paxos`). */
export type PaxosMessage =
  | { readonly type: 'Prepare'; readonly ballot: Ballot }
  | { readonly type: 'Promise'; readonly ballot: Ballot; readonly accepted: Proposal | null }
  | { readonly type: 'Accept'; readonly ballot: Ballot; readonly value: string }
  | { readonly type: 'Accepted'; readonly ballot: Ballot; readonly value: string }
  | { readonly type: 'Nack'; readonly ballot: Ballot; readonly promised: Ballot };

export type PaxosEvent =
  | Incoming<PaxosMessage>
  | Local<{ readonly type: 'request'; readonly command: string }>
  | Local<{ readonly type: 'retry' }>;

/** The contract's node view (spec/protocols.md `paxos`). */
export interface PaxosView {
  readonly promised: Ballot | null;
  readonly accepted: Proposal | null;
  readonly chosen: string | null;
  readonly proposer: {
    readonly ballot: Ballot | null;
    readonly phase: Phase;
    readonly value: string | null;
    readonly promises: readonly NodeId[];
    readonly accepts: readonly NodeId[];
  } | null;
  readonly [key: string]: unknown;
}
