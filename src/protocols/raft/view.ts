import type { MessageLook, Milestone } from '../../engine/protocol';
import type { NodeId, NodeView, Payload } from '../../engine/types';
import type { Entry, RaftContext, RaftMessage, Role } from './types';

/**
 * The contract's node view for Raft (scenario.md, "Node view"), declared once: the engine writes it, the
 * face and the panels under src/ui/protocols/raft read it. A type alias, so it is a `NodeView` as well.
 */
export type RaftView = {
  readonly role: Role;
  readonly term: number;
  readonly votedFor: NodeId | null;
  readonly commitIndex: number;
  readonly log: readonly Entry[];
  readonly leaderId: NodeId | null;
  /** Candidates and pre-candidates: who granted a (pre-)vote this round. */
  readonly votes?: readonly NodeId[];
  /** Leaders (Figure 2, "volatile state on leaders"). */
  readonly nextIndex?: Readonly<Record<NodeId, number>>;
  readonly matchIndex?: Readonly<Record<NodeId, number>>;
};

/** The contract's node view for Raft: role, term, votedFor, commitIndex, log, and a leader's indices. */
export function raftView(ctx: RaftContext): RaftView {
  // Literals, not a spread of a shared base: the view is built on most events of a run (same keys, same order).
  const { role, term, votedFor, commitIndex, log, leaderId } = ctx;
  if (role === 'leader') {
    const { nextIndex, matchIndex } = ctx;
    return { role, term, votedFor, commitIndex, log, leaderId, nextIndex, matchIndex };
  }
  if (role === 'candidate' || role === 'precandidate') {
    return { role, term, votedFor, commitIndex, log, leaderId, votes: ctx.votes };
  }
  return { role, term, votedFor, commitIndex, log, leaderId };
}

export function describeRaftMessage(payload: Payload): MessageLook {
  const m = payload as RaftMessage;
  switch (m.type) {
    case 'RequestVote':
      return { label: `RequestVote t${m.term}`, isReply: false };
    case 'PreVote':
      return { label: `PreVote t${m.term}`, isReply: false };
    case 'RequestVoteReply':
      return { label: m.voteGranted ? 'Vote ✓' : 'Vote ✗', isReply: true };
    case 'PreVoteReply':
      return { label: m.voteGranted ? 'PreVote ✓' : 'PreVote ✗', isReply: true };
    case 'AppendEntries':
      // The count in words: on the canvas `×N` means N messages under one label.
      return {
        label: m.entries.length === 0 ? 'Heartbeat' : `AppendEntries ${entries(m.entries.length)}`,
        isReply: false,
      };
    case 'AppendEntriesReply':
      // A success reply says how far the follower's log now matches the leader's.
      return {
        label: m.success ? (m.matchIndex > 0 ? `Append ✓ to ${m.matchIndex}` : 'Append ✓') : 'Append ✗',
        isReply: true,
      };
    default:
      m satisfies never;
      return { label: String((payload as Payload).type), isReply: false };
  }
}

function entries(n: number): string {
  return n === 1 ? '1 entry' : `${n} entries`;
}

/** Timeline milestones: a server becomes leader; a leader advances its commit index. */
export function raftMilestones(node: NodeId, before: NodeView | undefined, after: NodeView): Milestone[] {
  const out: Milestone[] = [];
  if (after.role === 'leader' && (before?.role !== 'leader' || before.term !== after.term)) {
    out.push({ kind: 'leader', label: `${node} leads term ${after.term}` });
  }
  const commit = after.commitIndex as number;
  if (after.role === 'leader' && before?.role === 'leader' && commit > (before.commitIndex as number)) {
    out.push({ kind: 'commit', label: `${node} commits up to index ${commit}` });
  }
  return out;
}
