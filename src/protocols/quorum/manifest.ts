import { type ProtocolDescriptor, preset } from '../descriptor';

const p = (name: string, title: string, shows: string, load: () => Promise<{ default: unknown }>, breaks?: string) =>
  preset('quorum', name, title, shows, load, breaks);

/** Dynamo-style quorums, as the registry lists them; `load` brings the rest (index.ts). */
export const quorumManifest: ProtocolDescriptor = {
  id: 'quorum',
  title: 'Quorum replication (Dynamo)',
  summary:
    'DeCandia et al., "Dynamo" (SOSP 2007): each key lives on the first n nodes clockwise on a hash ring; the node ' +
    'a client contacts asks them all and answers after r replies (a read) or w acknowledgements (a write). With ' +
    'r + w > n every read quorum meets every write quorum; a sloppy quorum writes to stand-ins with hints when ' +
    'replicas are unreachable and stays available, at the price of reads that miss the latest write. Vector ' +
    'clocks keep concurrent writes as siblings; last-write-wins keeps one.',
  presets: [
    p(
      'lecture',
      'Lecture: quorums, sloppy quorums and siblings',
      'Why r + w > n makes reads see writes, what a sloppy quorum gives up in a partition, and how siblings arise.',
      () => import('./presets/lecture.json'),
    ),
    p(
      'r2w2',
      'N=3, R=2, W=2: every read meets every write',
      "Dynamo's common (3, 2, 2): with one replica down a write still reaches two, and a later read finds it.",
      () => import('./presets/r2w2.json'),
    ),
    p(
      'r1w1-stale',
      'R=1, W=1: a read misses a write',
      'With r + w = n the quorums need not meet: a read after an acknowledged write returns the old value.',
      () => import('./presets/r1w1-stale.json'),
    ),
    p(
      'sloppy-handoff',
      'Sloppy quorum and hinted handoff',
      'A write lands on stand-ins with hints, a read across the partition is stale, hints go home after the heal.',
      () => import('./presets/sloppy-handoff.json'),
    ),
    p(
      'siblings',
      'Concurrent writes: siblings or last write wins',
      'Two clients write x at once through different coordinators: vector clocks keep both values as siblings.',
      () => import('./presets/siblings.json'),
    ),
  ],
  load: async () => (await import('./index')).quorum,
};
