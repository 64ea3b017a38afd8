import type { Face, RoleFace } from '../../engine/face';
import type { World } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import type { RaftContext } from './types';
import type { RaftView } from './view';

/**
 * Okabe and Ito's colour-blind-safe hues, darkened to at least 4.5:1 on white: blue followers, a
 * vermilion leader (blue and vermilion stay apart for every kind of colour blindness), candidates in
 * reddish purple and ochre. Each role has its own shape and word as well.
 */
const roles: Readonly<Record<string, RoleFace>> = {
  follower: { word: 'follower', color: '#0072b2', shape: 'circle' },
  precandidate: { word: 'pre-candidate', color: '#8f6100', shape: 'diamond' },
  candidate: { word: 'candidate', color: '#a34d80', shape: 'triangle' },
  leader: { word: 'leader', color: '#b34a00', shape: 'star' },
};

/** The live leader of the highest term: what the `"leader"` selector names (scenario.md, node fields). */
export function liveLeader(world: World<RaftContext>): NodeId | null {
  let best: { id: NodeId; term: number } | null = null;
  for (const n of world.nodes) {
    if (!n.isUp || n.context.role !== 'leader') continue;
    if (!best || n.context.term > best.term) best = { id: n.id, term: n.context.term };
  }
  return best?.id ?? null;
}

/** Raft's headline is the term: every RPC carries it and every rule compares it (§5.1). */
export const raftFace: Face<RaftView, RaftContext> = {
  // The paper's word for a node (§5.1).
  nodeWord: 'Server',
  node(view, clusterSize) {
    const role = view.role ?? 'follower';
    const votes = view.votes?.length ?? 0;
    const needed = Math.floor(clusterSize / 2) + 1;
    const note =
      role === 'candidate'
        ? `votes ${votes}/${needed}`
        : role === 'precandidate'
          ? `pre-votes ${votes}/${needed}`
          : undefined;
    return {
      role: roles[role] ?? { word: role, color: '#4d5b6b' },
      badge: { label: 'term', value: view.term ?? 0 },
      ...(note ? { note } : {}),
    };
  },
  milestones: [
    { kind: 'leader', shape: 'circle', word: 'new leader' },
    { kind: 'commit', shape: 'square', word: 'commit' },
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
  commands: { next: (n) => `x=${n}`, example: 'x=1', label: 'Command' },
};
