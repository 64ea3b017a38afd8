import type { BugInfo } from '../../engine/protocol';

export const quorumBugs: readonly BugInfo[] = [
  {
    id: 'ack-before-w',
    title: 'The coordinator acknowledges a write before w replicas have it',
    explanation:
      'The coordinator answers the client as soon as its own replica (or the first replica) has stored the ' +
      'write, against Dynamo §4.5 ("If at least W-1 nodes respond, then the write is considered successful"). ' +
      'A read quorum of r nodes may then miss the only copy: even with r + w > n and a strict quorum, a read ' +
      'that starts after the acknowledgement returns an older value.',
    breaks: ['strict-quorum-read'],
  },
  {
    id: 'lww-by-arrival',
    title: 'Last write wins by arrival, not by timestamp',
    explanation:
      'Under lww a replica keeps whichever version reached it last instead of the one with the highest ' +
      "timestamp (Cassandra's rule). Two concurrent writes reach replicas in different orders, so replicas keep " +
      'different winners, and anti-entropy only swaps them, since neither side sees the other as older: the ' +
      'replicas never converge.',
    breaks: ['convergence'],
  },
];
