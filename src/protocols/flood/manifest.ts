import { type ProtocolDescriptor, preset } from '../descriptor';

const p = (name: string, title: string, shows: string, load: () => Promise<{ default: unknown }>) =>
  preset('flood', name, title, shows, load);

/** The authoring guide's example (docs/protocols/authoring.md): loadable by name, not listed in the Library. */
export const floodManifest: ProtocolDescriptor = {
  id: 'flood',
  title: 'Flooding broadcast',
  summary:
    'Every node relays a broadcast to its neighbours the first time it sees it, and repeats what it has on a ' +
    'timer, so a broadcast reaches every node that a path of working links connects to its origin.',
  inLibrary: false,
  presets: [
    p(
      'ring',
      'A broadcast crosses the ring',
      'Each node delivers a broadcast once and passes it on; the two waves meet opposite the origin.',
      () => import('./presets/ring.json'),
    ),
    p(
      'partition-heals',
      'A cut-off half catches up',
      'A broadcast made during a partition reaches the other half on the next repeat after the heal.',
      () => import('./presets/partition-heals.json'),
    ),
    p(
      'deliver-every-copy',
      'Bug: delivering every copy',
      'With deliver-every-copy, the node where the two waves meet delivers the broadcast twice: Integrity breaks.',
      () => import('./presets/deliver-every-copy.json'),
    ),
    p(
      'liar-and-newcomer',
      'A liar, a silent node and a newcomer',
      'A liar forges bodies but cannot break Integrity; a standby node joins and catches up.',
      () => import('./presets/liar-and-newcomer.json'),
    ),
  ],
  load: async () => (await import('./index')).flood,
};
