import type { BugInfo } from '../../engine/protocol';

/** primary-backup's bug variants (their ids are `PbBug`). */
export type PbBug = 'ack-before-replicate';

export const pbBugs: readonly BugInfo[] = [
  {
    id: 'ack-before-replicate',
    title: 'Sync mode acknowledges a write before any backup has it',
    explanation:
      'In sync (or semi-sync) mode the primary must not answer a write until its backups have acknowledged it ' +
      '(DDIA ch. 5: a synchronous follower is guaranteed to have an up-to-date copy; Alsberg & Day 1976: the ' +
      'primary answers once the backup has the update). This variant answers the client as soon as the write is ' +
      'in its own log and replicates it afterwards, as asynchronous replication does while claiming to be ' +
      'synchronous. When the primary then crashes or is cut off before the copies arrive, a backup is promoted ' +
      'without the write: an acknowledged write is lost, which no-acked-write-lost forbids in sync mode.',
    breaks: ['no-acked-write-lost'],
  },
];
