import { type ProtocolDescriptor, preset } from '../descriptor';

const p = (name: string, title: string, shows: string, load: () => Promise<{ default: unknown }>) =>
  preset('multipaxos', name, title, shows, load);

/** Multi-Paxos, as the registry lists it; `load` brings the rest (index.ts). */
export const multiPaxosManifest: ProtocolDescriptor = {
  id: 'multipaxos',
  title: 'Multi-Paxos',
  summary:
    'A log of Paxos instances ("Paxos Made Simple" §3, "Paxos Made Moderately Complex"): one leader runs phase 1 ' +
    'once for every slot, then each command costs one P2a/P2b round. A new leader learns what a majority ' +
    'accepted, re-proposes it in the same slot and fills the gaps with noop, so replicas, which execute slots ' +
    'in order, never stop at a hole and never disagree on a slot.',
  presets: [
    p(
      'lecture',
      'Lecture: Multi-Paxos',
      'Why a stable leader skips phase 1, what a new leader must learn first, and why it fills gaps with noop.',
      () => import('./presets/lecture.json'),
    ),
    p(
      'steady-state',
      'A stable leader',
      'Phase 1 once, then one P2a/P2b round per command; replicas execute the slots in order.',
      () => import('./presets/steady-state.json'),
    ),
    p(
      'leader-change-noop',
      'Leader change fills a gap with noop',
      'The leader dies with slot 3 accepted nowhere, slot 4 by a majority: its successor keeps D, fills 3 with noop.',
      () => import('./presets/leader-change-noop.json'),
    ),
    p(
      'skip-phase1',
      'Bug: a new leader skips phase 1',
      'The new leader never learns slot 2 was chosen and puts another command there: two commands in one slot.',
      () => import('./presets/skip-phase1.json'),
    ),
  ],
  load: async () => (await import('./index')).multipaxos,
};
