import { type ProtocolDescriptor, preset } from '../descriptor';

const p = (name: string, title: string, shows: string, load: () => Promise<{ default: unknown }>) =>
  preset('register', name, title, shows, load);

/** The test protocol of clients and histories (issue 11): loadable by name, not listed in the Library. */
export const registerManifest: ProtocolDescriptor = {
  id: 'register',
  title: 'Single-server register',
  summary:
    'Clients read, write and compare-and-set named registers held by one primary server, which serves one ' +
    'operation at a time: every operation takes effect at one instant, so the history is linearizable.',
  inLibrary: false,
  presets: [
    p(
      'two-clients',
      'Two clients share a register',
      'Two clients write and read x through the primary; a crash leaves one operation of unknown outcome.',
      () => import('./presets/two-clients.json'),
    ),
    p(
      'stale-read',
      'A backup serves a stale read',
      "With stale-backup-reads, c2 reads x from a backup after c1's write was acknowledged and gets the old value.",
      () => import('./presets/stale-read.json'),
    ),
  ],
  load: async () => (await import('./index')).register,
};
