import { type ProtocolDescriptor, preset } from '../descriptor';

const p = (name: string, title: string, shows: string, load: () => Promise<{ default: unknown }>) =>
  preset('raft', name, title, shows, load);

/** Raft, as the registry lists it; `load` brings the rest (index.ts). */
export const raftManifest: ProtocolDescriptor = {
  id: 'raft',
  title: 'Raft',
  summary:
    'Consensus with an elected leader (Ongaro and Ousterhout, 2014). Servers elect a leader with randomized timeouts; ' +
    'the leader replicates its log and commits an entry once a majority stores it. Options: PreVote and CheckQuorum.',
  presets: [
    p(
      'first-election',
      'First election',
      'Randomized timeouts elect one leader, which then replicates two writes.',
      () => import('./presets/first-election.json'),
    ),
    p(
      'lecture',
      'Lecture: Raft in ten minutes',
      'A guided tour with captions and stops: election, replication, a crash, a partition, the heal.',
      () => import('./presets/lecture.json'),
    ),
    p(
      'leader-crash',
      'Leader crash and re-election',
      'The followers notice a dead leader by its missing heartbeats and elect another in a higher term.',
      () => import('./presets/leader-crash.json'),
    ),
    p(
      'split-vote',
      'Split vote',
      'Two candidates split the votes, nobody wins, and a new randomized timeout breaks the tie.',
      () => import('./presets/split-vote.json'),
    ),
    p(
      'minority-partition',
      'A minority cannot commit',
      'A leader cut off with a minority accepts a write it can never commit; the majority moves on.',
      () => import('./presets/minority-partition.json'),
    ),
    p(
      'stale-leader',
      'A stale leader rejoins',
      'An isolated leader keeps believing it leads until a higher term tells it to step down.',
      () => import('./presets/stale-leader.json'),
    ),
    p(
      'figure-7',
      'Figure 7: a new leader repairs the logs',
      "The paper's Figure 7: the leader backs nextIndex up to where each log agrees and overwrites the rest.",
      () => import('./presets/figure-7.json'),
    ),
    p(
      'figure-8',
      'Figure 8: why old entries are not committed by counting',
      "The paper's Figure 8: an earlier term's entry on a majority is not committed, and nothing is lost.",
      () => import('./presets/figure-8.json'),
    ),
    p(
      'figure-8-bug',
      'Figure 8 with the bug: an old entry committed by counting',
      'Figure 8 with commit-old-term: an entry counted as committed is overwritten, and safety breaks.',
      () => import('./presets/figure-8-bug.json'),
    ),
    {
      ...p(
        'disruptive-rejoin',
        'A disruptive server rejoins (no PreVote)',
        'A cut-off follower raises its term again and again; rejoining, it deposes a healthy leader.',
        () => import('./presets/disruptive-rejoin.json'),
      ),
      // Thesis §9.6: the same cut-off follower with and without PreVote, on one timeline.
      compare: 'raft/prevote-rejoin',
    },
    p(
      'prevote-rejoin',
      'A rejoining server with PreVote',
      'The same follower with PreVote: it asks first, its term stays put, and the leader keeps leading.',
      () => import('./presets/prevote-rejoin.json'),
    ),
  ],
  load: async () => (await import('./index')).raft,
};
