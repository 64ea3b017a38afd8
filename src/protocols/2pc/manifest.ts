import { type ProtocolDescriptor, preset } from '../descriptor';

const p = (name: string, title: string, shows: string, load: () => Promise<{ default: unknown }>) =>
  preset('2pc', name, title, shows, load);

/** Two-phase commit, as the registry lists it; `load` brings the rest (index.ts). */
export const twoPcManifest: ProtocolDescriptor = {
  id: '2pc',
  title: 'Two-phase commit',
  summary:
    'Atomic commit across several nodes (Gray, 1978). A coordinator asks every participant to prepare; ' +
    'each votes yes (and then holds its locks, bound to obey) or no. All yes: the coordinator logs commit ' +
    'and tells everyone; any no or a missing vote: abort. If the coordinator fails after the participants ' +
    'voted yes, they block until it recovers from its log.',
  presets: [
    p(
      'committed',
      'A transaction commits',
      'Both phases of a commit: every participant votes yes, then the coordinator logs commit and tells them.',
      () => import('./presets/committed.json'),
    ),
    p(
      'participant-votes-no',
      'One participant votes no',
      'One no vote is enough: the coordinator aborts and the yes voters release their locks.',
      () => import('./presets/participant-votes-no.json'),
    ),
    p(
      'coordinator-crash-blocks',
      'The coordinator crashes: participants block',
      'Prepared participants can neither commit nor abort until the coordinator recovers: 2PC blocks.',
      () => import('./presets/coordinator-crash-blocks.json'),
    ),
    p(
      'participant-decides-alone',
      'Bug: a prepared participant decides alone',
      'With participant-decides-alone, a partitioned participant aborts while the others commit: atomicity breaks.',
      () => import('./presets/participant-decides-alone.json'),
    ),
  ],
  load: async () => (await import('./index')).twoPhaseCommit,
};
