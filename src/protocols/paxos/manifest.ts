import { type ProtocolDescriptor, preset } from '../descriptor';

const p = (name: string, title: string, shows: string, load: () => Promise<{ default: unknown }>) =>
  preset('paxos', name, title, shows, load);

/** Single-decree Paxos, as the registry lists it; `load` brings the rest (index.ts). */
export const paxosManifest: ProtocolDescriptor = {
  id: 'paxos',
  title: 'Paxos (single decree)',
  summary:
    'Lamport\'s "Paxos Made Simple" (2001): proposers, acceptors and learners agree on one value. A proposer ' +
    'asks a majority to promise a ballot, then proposes the highest-numbered value they had accepted (or its ' +
    'own); a value is chosen once a majority accepts it in one ballot, and it stays chosen. Two proposers can ' +
    'pre-empt each other forever unless they back off at random.',
  presets: [
    p(
      'lecture',
      'Lecture: Paxos made simple',
      'Why majorities must meet, why a proposer adopts the highest accepted value, and why proposers can livelock.',
      () => import('./presets/lecture.json'),
    ),
    p(
      'basic',
      'One proposer, one value',
      'One proposer: acceptors promise ballot (1, n1), then accept A; once a majority has, A is chosen.',
      () => import('./presets/basic.json'),
    ),
    p(
      'dueling-proposers',
      'Dueling proposers',
      'With fixed retries two proposers pre-empt each other round after round; with random retries one wins.',
      () => import('./presets/dueling-proposers.json'),
    ),
    p(
      'acceptor-crash',
      'An acceptor crashes and comes back',
      'A is chosen with one acceptor down; it restarts remembering its promise, and a later proposer adopts A.',
      () => import('./presets/acceptor-crash.json'),
    ),
    p(
      'forget-promise',
      'Bug: an acceptor forgets its promise',
      "After a restart n3 forgets its promise and accepts n1's lower ballot: A and then B are chosen.",
      () => import('./presets/forget-promise.json'),
    ),
  ],
  load: async () => (await import('./index')).paxos,
};
