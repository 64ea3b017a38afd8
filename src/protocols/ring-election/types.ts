import type { Incoming, Local } from '../../engine/kit';
import type { NodeId } from '../../engine/types';

/**
 * Chang & Roberts, "An improved algorithm for decentralized extrema-finding in circular configurations of
 * processes", CACM 22(5), 1979, in the words of the textbook statement of it (a process is a participant once
 * it has sent or passed on an `Election`). Every process has a unique number, its `uid`; messages go one way
 * round the ring, each process to the next in scenario order, the last to the first.
 */

/** How uids are handed out along the ring (config.ts): a seeded permutation, in order, or a list. */
export type UidsSetting = 'random' | 'ascending' | 'descending' | readonly number[];

/** The scenario's `config` for ring-election (config.ts has the defaults and their sources). */
export interface RingConfig {
  readonly uids: UidsSetting;
  readonly initiators: 'all' | 'none';
}

export type RingBug = 'forward-smaller';

/** What survives a crash: the process's number, its identity (the paper's processes are "uniquely numbered"). */
export interface RingPersistent {
  readonly uid: number;
}

export interface RingContext extends RingPersistent {
  readonly id: NodeId;
  /** The one process this one sends to: the next on the ring. */
  readonly next: NodeId;
  readonly config: RingConfig;
  readonly bug: RingBug | null;
  /** Has sent or passed on an `Election` since the last `Elected` it saw. */
  readonly participant: boolean;
  /** The uid it knows was elected (its own once it declared), or null. */
  readonly leader: number | null;
  /** Its own uid came home: it declared itself the leader. */
  readonly isLeader: boolean;
}

/** The two messages (spec/protocols.md `ring-election`): a candidate's uid on its way round, and the result. */
export type RingMessage =
  | { readonly type: 'Election'; readonly uid: number }
  | { readonly type: 'Elected'; readonly uid: number };

export type RingEvent =
  | Incoming<RingMessage>
  | Local<{ readonly type: 'request'; readonly command: string }>
  | Local<{ readonly type: 'initiate' }>;

/** The contract's node view (spec/protocols.md `ring-election`). */
export interface RingView {
  readonly uid: number;
  readonly participant: boolean;
  readonly leader: number | null;
  readonly isLeader: boolean;
  readonly [key: string]: unknown;
}
