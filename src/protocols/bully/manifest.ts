import { type ProtocolDescriptor, preset } from '../descriptor';

const p = (name: string, title: string, shows: string, load: () => Promise<{ default: unknown }>) =>
  preset('bully', name, title, shows, load);

/** The bully election, as the registry lists it; `load` brings the rest (index.ts). */
export const bullyManifest: ProtocolDescriptor = {
  id: 'bully',
  title: 'Bully election',
  summary:
    'Garcia-Molina\'s "Elections in a Distributed Computing System" (1982): the node of highest priority that ' +
    "is up becomes coordinator. A node that misses the coordinator's heartbeats sends Election to every higher " +
    'node; an Answer means a higher one takes over; with no Answer within T it announces itself with ' +
    'Coordinator. A recovered higher node bullies its way back. The timeouts assume bounded delay: a slow ' +
    'network or a partition elects two coordinators.',
  presets: [
    p(
      'lecture',
      'Lecture: the bully election',
      'Why the highest wins, how a crash is noticed, how a node bullies back, and what slow links and partitions do.',
      () => import('./presets/lecture.json'),
    ),
    p(
      'coordinator-crash',
      'The coordinator crashes',
      'The coordinator n5 crashes: the others notice by timeout when its heartbeats stop, and n4 wins.',
      () => import('./presets/coordinator-crash.json'),
    ),
    p(
      'recovery-bullies',
      'A recovered node bullies its way back',
      'Restarted after n4 took over, n5 holds an election, wins at once and sends Coordinator to all below.',
      () => import('./presets/recovery-bullies.json'),
    ),
    p(
      'slow-network',
      'A network slower than T: two coordinators',
      'A link slower than T makes n4 declare itself beside n5; then a partition keeps one coordinator per side.',
      () => import('./presets/slow-network.json'),
    ),
    p(
      'message-counts',
      'Best and worst case message counts',
      'The second-highest notices a crash: n − 1 messages; the lowest notices: n² − n − 1, the O(n²) case.',
      () => import('./presets/message-counts.json'),
    ),
  ],
  load: async () => (await import('./index')).bully,
};
