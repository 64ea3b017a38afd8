import type { BugInfo } from '../../engine/protocol';

export const raftBugs: readonly BugInfo[] = [
  {
    id: 'commit-old-term',
    title: 'Commit entries of an earlier term by counting replicas',
    explanation:
      'The leader marks an entry committed as soon as a majority stores it, even when the entry is from an earlier term. ' +
      'The paper (§5.4.2, Figure 8) shows why that is unsafe: a later leader that never had the entry can still be elected ' +
      'and overwrite it, so a "committed" entry disappears. Correct Raft commits only entries of the current term this way.',
    breaks: ['state-machine-safety', 'leader-completeness'],
  },
  {
    id: 'vote-without-log-check',
    title: 'Grant votes without the up-to-date check',
    explanation:
      "A server grants its vote to any candidate of a newer term, without checking that the candidate's log is at least as " +
      'up to date as its own (§5.4.1, the election restriction). A candidate missing committed entries can then win and ' +
      'overwrite them on the followers.',
    breaks: ['leader-completeness', 'state-machine-safety'],
  },
  {
    id: 'forget-vote-on-restart',
    title: 'Forget the vote on restart',
    explanation:
      'votedFor is kept only in memory, so a server that crashes and restarts within a term can vote a second time in that ' +
      'term. Two candidates can then both collect a majority: two leaders in one term. Figure 2 lists votedFor as persistent ' +
      'state for exactly this reason.',
    breaks: ['durability', 'election-safety'],
  },
];
