import { type ProtocolDescriptor, preset } from '../descriptor';

const p = (name: string, title: string, shows: string, load: () => Promise<{ default: unknown }>) =>
  preset('primary-backup', name, title, shows, load);

/** Primary-backup replication, as the registry lists it; `load` brings the rest (index.ts). */
export const pbManifest: ProtocolDescriptor = {
  id: 'primary-backup',
  title: 'Primary-backup replication',
  summary:
    'One primary takes every write and copies it to its backups (Alsberg & Day 1976; DDIA ch. 5). It ' +
    'acknowledges a write at once (async, MySQL’s default), after one backup has it (semi-sync, which falls back ' +
    'to async after a timeout) or after every backup has it (sync). When the primary goes quiet a backup promotes ' +
    'itself with a new epoch, and the others truncate their logs to its log: in async mode acknowledged writes ' +
    'vanish, and without a quorum a partition makes two primaries.',
  presets: [
    p(
      'lecture',
      'Lecture: when is a write durable?',
      'Async failover loses an acknowledged write, semi-sync falls back to async when a backup is down, sync keeps it.',
      () => import('./presets/lecture.json'),
    ),
    p(
      'async-loses-acked',
      'Async failover loses acknowledged writes',
      "Like GitHub's 2012 failover (DDIA ch. 5): the promoted backup lacks writes n1 had acknowledged.",
      () => import('./presets/async-loses-acked.json'),
    ),
    p(
      'sync-survives',
      'Sync replication keeps acknowledged writes',
      'The same schedule in sync mode: failover loses nothing acknowledged; writes block while a backup is down.',
      () => import('./presets/sync-survives.json'),
    ),
    p(
      'split-brain',
      'Split brain',
      "A partition cuts the primary off; a backup promotes itself, and the old primary's writes vanish on heal.",
      () => import('./presets/split-brain.json'),
    ),
  ],
  load: async () => (await import('./index')).primaryBackup,
};
