import { type ProtocolDescriptor, preset } from '../descriptor';

const p = (
  name: string,
  title: string,
  shows: string,
  load: () => Promise<{ default: unknown }>,
  breaksWithoutBug?: string,
) => preset('lock', name, title, shows, load, breaksWithoutBug);

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
      "Kleppmann's argument: a paused holder, the token that saves the storage, and what Redlock assumes of clocks.",
      () => import('./presets/lecture.json'),
    ),
    p(
      'gc-pause-fenced',
      'A paused holder is fenced off',
      "A GC pause outlasts c1's lease; c2 writes with token 34; c1's late write with token 33 is refused.",
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
      "A master's clock jumps and expires c1's key early: c2 takes a majority while c1's validity still runs.",
      () => import('./presets/redlock-clock-jump.json'),
      // Redlock's own limit (Kleppmann 2016, "Redlock's timing assumptions"): the correct algorithm breaks.
      'mutual-exclusion',
    ),
  ],
  load: async () => (await import('./index')).lock,
};
