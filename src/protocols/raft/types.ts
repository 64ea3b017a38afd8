import type { NodeId, VirtualMs } from '../../engine/types';

export interface Entry {
  readonly term: number;
  readonly command: string;
}

export type Role = 'follower' | 'precandidate' | 'candidate' | 'leader';

export type RaftBug = 'commit-old-term' | 'vote-without-log-check' | 'forget-vote-on-restart';

export interface RaftConfig {
  readonly electionTimeoutMs: readonly [number, number];
  readonly heartbeatMs: number;
  readonly preVote: boolean;
  readonly checkQuorum: boolean;
  readonly maxEntriesPerAppend: number;
}

/** What survives a crash (Figure 2: "persistent state on all servers"). */
export interface RaftPersistent {
  readonly term: number;
  readonly votedFor: NodeId | null;
  readonly log: readonly Entry[];
}

export interface RaftContext extends RaftPersistent {
  readonly id: NodeId;
  readonly peers: readonly NodeId[];
  readonly config: RaftConfig;
  readonly bug: RaftBug | null;
  readonly role: Role;
  /** Volatile: the highest log index known committed. */
  readonly commitIndex: number;
  /** The leader this node last heard from in its current term, for hints. */
  readonly leaderId: NodeId | null;
  /** Candidates and pre-candidates: who granted a (pre-)vote in the current round, self included. */
  readonly votes: readonly NodeId[];
  /** The timeout drawn for the current election timer. */
  readonly electionTimeoutMs: number;
  /** Leaders (Figure 2: "volatile state on leaders"). */
  readonly nextIndex: Readonly<Record<NodeId, number>>;
  readonly matchIndex: Readonly<Record<NodeId, number>>;
  /**
   * Leaders: for each follower, the AppendEntries carrying entries it has not answered yet (its prevLogIndex,
   * and when it left), absent when none is outstanding. Batching (leader.ts) reads it.
   */
  readonly awaitingAppend: Readonly<Record<NodeId, AwaitedAppend>>;
  /** When this node last heard from a live leader (PreVote and CheckQuorum leases). */
  readonly leaderContactMs: VirtualMs | null;
  /** Leaders with CheckQuorum: when each follower last answered. */
  readonly lastAckMs: Readonly<Record<NodeId, VirtualMs>>;
}

export interface AwaitedAppend {
  readonly prevLogIndex: number;
  readonly atMs: VirtualMs;
}

interface VoteRequestFields {
  readonly term: number;
  readonly candidateId: NodeId;
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
}

export type RaftMessage =
  | ({ readonly type: 'RequestVote' } & VoteRequestFields)
  /** Thesis §9.6: `term` is the term the sender would stand in (its term + 1); nobody adopts it. */
  | ({ readonly type: 'PreVote' } & VoteRequestFields)
  | { readonly type: 'RequestVoteReply'; readonly term: number; readonly voteGranted: boolean }
  | { readonly type: 'PreVoteReply'; readonly term: number; readonly voteGranted: boolean }
  | {
      readonly type: 'AppendEntries';
      readonly term: number;
      readonly leaderId: NodeId;
      readonly prevLogIndex: number;
      readonly prevLogTerm: number;
      readonly entries: readonly Entry[];
      readonly leaderCommit: number;
    }
  | {
      readonly type: 'AppendEntriesReply';
      readonly term: number;
      readonly success: boolean;
      /** On success, the index up to which the follower's log now matches the leader's. */
      readonly matchIndex: number;
      /** The request's prevLogIndex, so a stale or duplicated failure is not counted twice. */
      readonly prevLogIndex: number;
    };
