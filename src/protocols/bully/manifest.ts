import { type ProtocolDescriptor, preset } from '../descriptor';

const p = (name: string, title: string, shows: string, load: () => Promise<{ default: unknown }>) =>
  preset('bully', name, title, shows, load);

/** The bully election, as the registry lists it; `load` brings the rest (index.ts). */
export const bullyManifest: ProtocolDescriptor = {
  id: 'bully',
  title: 'Bully election',
  summary:
    'Garcia-Molina\'s "Elections in a Distributed Computing System" (1982): the node of highest priority that ' +
    'is up becomes coordinator. A node that misses the coordinator\'s heartbeats sends Election to every higher ' +
    'node; an Answer means a higher one takes over; with no Answer within T it announces itself with ' +
    'Coordinator. A recovered higher node bullies its way back. The timeouts assume bounded delay: a slow ' +
    'network or a partition elects two coordinators.',
  presets: [
    p(
      'lecture',
      'Lecture: the bully election',
      'Why the highest node wins, how a crash is noticed by timeout, how a recovered node bullies back, and what a slow network or a partition does.',
      () => import('./presets/lecture.json'),
    ),
    p(
      'coordinator-crash',
      'The coordinator crashes',
      'n5 crashes; its heartbeats stop, the others notice after failureTimeoutMs and n4 wins the election.',
      () => import('./presets/coordinator-crash.json'),
    ),
    p(
      'recovery-bullies',
      'A recovered node bullies its way back',
      'n5 comes back after n4 took over, holds an election, wins at once and sends Coordinator to every lower node.',
      () => import('./presets/recovery-bullies.json'),
    ),
    p(
      'slow-network',
      'A network slower than T: two coordinators',
      'Links slower than the answer timeout T: n4 hears no Answer in time and declares itself beside n5; then a partition keeps one coordinator per side.',
      () => import('./presets/slow-network.json'),
    ),
    p(
      'message-counts',
      'Best and worst case message counts',
      'After n5 crashes, n4 notices first (n − 1 messages); after it comes back and crashes again, n1 notices first (n² − n − 1).',
      () => import('./presets/message-counts.json'),
    ),
  ],
  load: async () => (await import('./index')).bully,
};
