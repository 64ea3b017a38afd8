import type { Face, RoleFace } from '../../engine/face';
import type { World } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import { ballotText, compareBallots } from './ballot';
import type { MultiPaxosContext, MultiPaxosView } from './types';

/** Okabe and Ito's colour-blind-safe hues, darkened to at least 4.5:1 on white; each role its own shape. */
const roles: Readonly<Record<string, RoleFace>> = {
  leader: { word: 'leader', color: '#b34a00', shape: 'star' },
  candidate: { word: 'candidate', color: '#a34d80', shape: 'triangle' },
  follower: { word: 'follower', color: '#0072b2', shape: 'circle' },
};

/** The live leader with the highest ballot: what the `"leader"` selector names. */
export function liveLeader(world: World<MultiPaxosContext>): NodeId | null {
  let best: { id: NodeId; ctx: MultiPaxosContext } | null = null;
  for (const n of world.nodes) {
    if (!n.isUp || n.context.role !== 'leader') continue;
    if (best === null || compareBallots(n.context.ballot, best.ctx.ballot, n.context.nodes) > 0) {
      best = { id: n.id, ctx: n.context };
    }
  }
  return best?.id ?? null;
}

const decided = (v: MultiPaxosView) => v.decisions.filter((d) => d !== null).length;

/** The headline is the ballot; the note says where the replica's execution stands (slot_out) and what it decided. */
export const multiPaxosFace: Face<MultiPaxosView, MultiPaxosContext> = {
  nodeWord: 'Node',
  node(view) {
    const phase = view.role === 'candidate' ? 'phase 1 · ' : '';
    return {
      role: roles[view.role] ?? { word: view.role, color: '#4d5b6b' },
      badge: { label: 'ballot', value: ballotText(view.ballot) },
      note: `${phase}slot_out ${view.slotOut} · ${decided(view)} decided`,
    };
  },
  milestones: [
    { kind: 'leads', shape: 'star', word: 'phase 1 done: leads' },
    { kind: 'noop', shape: 'square', word: 'gap filled with noop' },
  ],
  selectors: [
    {
      id: 'leader',
      title: 'the leader',
      select: (world) => {
        const leader = liveLeader(world);
        return leader === null ? [] : [leader];
      },
    },
  ],
  // Commands A, B, ... Z, then c27, c28, ...: short enough to read in a slot.
  commands: { next: (n) => (n <= 26 ? String.fromCharCode(64 + n) : `c${n}`), example: 'A', label: 'Command' },
};
