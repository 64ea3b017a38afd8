import type { Incoming, Local } from '../../engine/kit';
import type { NodeId } from '../../engine/types';

/**
 * The bully election in the words of Garcia-Molina, "Elections in a Distributed Computing System" (IEEE
 * Trans. Computers C-31(1), 1982, §III: synchronous systems), with the message names the textbooks give it
 * (Coulouris et al., Distributed Systems, 5th ed., §15.3.2; Tanenbaum & van Steen, §6.4): the paper's
 * "are you up?" probe is `Election`, its reply `Answer`, its Halt/NewCoordinator announcement `Coordinator`,
 * and its periodic "are you there?" check of the coordinator is turned round into the coordinator's
 * `Heartbeat`. A node's priority is its position in `nodes`: the last is the highest.
 */
export interface BullyConfig {
  readonly heartbeatMs: number;
  readonly failureTimeoutMs: number;
  readonly answerTimeoutMs: number;
  readonly coordinatorTimeoutMs: number;
}

export type BullyBug = 'no-election-on-recovery';

/**
 * The paper's S(i).s, in the contract's words: `member` (the paper's Normal state under another node),
 * `electing` (it has sent `Election` to every higher node and waits T for an `Answer`), `waiting` (a higher
 * node answered; it waits for that node's `Coordinator`), `coordinator` (Normal, and S(i).c = i).
 */
export type Role = 'member' | 'electing' | 'waiting' | 'coordinator';

/**
 * Nothing of the election survives a crash (§II: a failed node loses its state and runs its recovery
 * procedure); the marker only tells the machine that this start is a recovery, not the first start.
 */
export interface BullyPersistent {
  readonly recovered: true;
}

export interface BullyContext {
  readonly id: NodeId;
  readonly nodes: readonly NodeId[];
  readonly config: BullyConfig;
  readonly bug: BullyBug | null;
  readonly role: Role;
  /** The paper's S(i).c: the node this one names coordinator; null while it holds an election. */
  readonly coordinator: NodeId | null;
  /** This start followed a crash (the start input carried what persisted). */
  readonly isRecovery: boolean;
  /**
   * Set only under the bug `no-election-on-recovery`: a node that came back without holding an election and
   * takes the first coordinator it hears a Heartbeat from.
   */
  readonly quietRecovery: boolean;
}

/** The four messages of the contract (spec/protocols.md `bully`). */
export type BullyMessage =
  | { readonly type: 'Election' }
  | { readonly type: 'Answer' }
  | { readonly type: 'Coordinator' }
  | { readonly type: 'Heartbeat' };

export type BullyMessageType = BullyMessage['type'];

export type BullyEvent =
  | Incoming<BullyMessage>
  | Local<{ readonly type: 'request'; readonly command: string }>
  | Local<{ readonly type: 'recovery' }>
  | Local<{ readonly type: 'heartbeat' }>
  | Local<{ readonly type: 'failure' }>
  | Local<{ readonly type: 'answer' }>
  | Local<{ readonly type: 'coordinator' }>;

/** The contract's node view (spec/protocols.md `bully`). */
export interface BullyView {
  readonly role: Role;
  readonly coordinator: NodeId | null;
  readonly [key: string]: unknown;
}
