import type { BugInfo } from '../../engine/protocol';

/** The register's bug variants (their ids are `RegisterBug`). */
export type RegisterBug = 'stale-backup-reads';

export const registerBugs: readonly BugInfo[] = [
  {
    id: 'stale-backup-reads',
    title: 'Backups answer reads from a copy replicated after the answer',
    explanation:
      'The primary answers a write first and copies it to the backups afterwards (a Replicate message: ' +
      'asynchronous, primary-backup replication), and a backup answers a read from its own copy instead of ' +
      'NotPrimary, so its clients spread reads over every server. A client that reads from a backup just after another client was told its write succeeded ' +
      'reads the old value: no single instant of the write fits both answers, so the history is not ' +
      "linearizable (Herlihy & Wing 1990, §2; the stale read of Jepsen's register tests).",
    breaks: ['linearizable'],
  },
];
