import { type ProtocolDescriptor, preset } from '../descriptor';

const p = (name: string, title: string, shows: string, load: () => Promise<{ default: unknown }>) =>
  preset('lock', name, title, shows, load);

/** The lock service, as the registry lists it; `load` brings the rest (index.ts). */
export const lockManifest: ProtocolDescriptor = {
  id: 'lock',
  title: 'Distributed lock',
  summary:
    'Leases, fencing tokens and Redlock (Kleppmann, "How to do distributed locking", 2016; Chubby §2.4). A lock ' +
    'service grants a lease with a token that grows with every grant; a client that pauses past its lease still ' +
    'believes it holds the lock, so the storage must refuse writes with an old token. Redlock takes the lock on a ' +
    'majority of Redis masters and has no token: its safety rests on clocks and bounded pauses.',
  presets: [
    p(
      'lecture',
      'Lecture: how to do distributed locking',
      "Kleppmann's argument in ten minutes: a paused holder, the fencing token that saves the storage, and Redlock's clocks.",
      () => import('./presets/lecture.json'),
    ),
    p(
      'gc-pause-fenced',
      'A paused holder is fenced off',
      "c1 pauses past its lease; c2 gets token 34 and writes; c1's late write with token 33 is refused.",
      () => import('./presets/gc-pause-fenced.json'),
    ),
    p(
      'gc-pause-no-fencing',
      'Bug: the storage ignores tokens',
      "The same pause with no-fencing: c1's stale write overwrites c2's, and fenced-writes breaks.",
      () => import('./presets/gc-pause-no-fencing.json'),
    ),
    p(
      'redlock-clock-jump',
      'Redlock: a clock jump makes two majorities',
      "A master's clock jumps forward and expires c1's key early: c2 takes a majority while c1 is still within its validity.",
      () => import('./presets/redlock-clock-jump.json'),
    ),
  ],
  load: async () => (await import('./index')).lock,
};
