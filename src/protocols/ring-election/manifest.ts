import { type ProtocolDescriptor, preset } from '../descriptor';

const p = (name: string, title: string, shows: string, load: () => Promise<{ default: unknown }>) =>
  preset('ring-election', name, title, shows, load);

/** Chang and Roberts' ring election, as the registry lists it; `load` brings the rest (index.ts). */
export const ringManifest: ProtocolDescriptor = {
  id: 'ring-election',
  title: 'Ring election (Chang and Roberts)',
  summary:
    'Chang and Roberts (CACM, 1979): processes on a one-way ring, each with a unique number, elect the largest ' +
    'without knowing how many they are. Each sends its uid to the next; a larger uid is passed on, a smaller one ' +
    'dies, and the uid that comes all the way home is the maximum. About n ln n messages on average, n(n+1)/2 at ' +
    'worst; one crashed process breaks the ring and nobody is elected.',
  presets: [
    p(
      'lecture',
      'Lecture: electing the largest on a ring',
      'Why only the largest uid comes home, and why the order of the uids decides how many messages it takes.',
      () => import('./presets/lecture.json'),
    ),
    p(
      'best-case',
      'Best case: uids ascending',
      'With uids ascending along the ring every uid but the largest dies after one hop: 2n - 1 Election messages.',
      () => import('./presets/best-case.json'),
    ),
    p(
      'worst-case',
      'Worst case: uids descending',
      'With uids descending along the ring the uid k travels k hops: n(n + 1)/2 Election messages.',
      () => import('./presets/worst-case.json'),
    ),
    p(
      'random',
      'A random order',
      'Uids in a random order from the seed: the count lands near the average n H_n, between the two extremes.',
      () => import('./presets/random.json'),
    ),
    p(
      'broken-ring',
      'A broken ring elects nobody',
      'A process crashes during the election: the largest uid cannot pass it, and no process is ever elected.',
      () => import('./presets/broken-ring.json'),
    ),
    p(
      'forward-smaller',
      'Bug: smaller uids passed on',
      'With forward-smaller every uid comes home and every process declares itself leader: unique-leader breaks.',
      () => import('./presets/forward-smaller.json'),
    ),
  ],
  load: async () => (await import('./index')).ringElection,
};
