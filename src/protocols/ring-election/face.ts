import type { Face } from '../../engine/face';
import type { NodeView } from '../../engine/types';
import type { RingContext, RingView } from './types';

/** Okabe and Ito's colour-blind-safe hues, darkened to at least 4.5:1 on white; each role its own shape. */
const roles = {
  leader: { word: 'leader', color: '#007a5a', shape: 'star' },
  participant: { word: 'participant', color: '#a34d80', shape: 'diamond' },
  idle: { word: 'not participating', color: '#0072b2', shape: 'circle' },
} as const;

/** A process shows its uid, whether it is in an election, and the leader it knows. No terms, no votes. */
export const ringFace: Face<RingView & NodeView, RingContext> = {
  nodeWord: 'Process',
  node(view) {
    const role = view.isLeader ? roles.leader : view.participant ? roles.participant : roles.idle;
    const note = view.isLeader
      ? 'its uid came home'
      : view.leader === null
        ? 'knows no leader'
        : `leader: uid ${view.leader}`;
    return { role, badge: { label: 'uid', value: view.uid }, note };
  },
  milestones: [
    { kind: 'elected', shape: 'star', word: 'own uid came home' },
    { kind: 'told', shape: 'circle', word: 'told the leader' },
  ],
  selectors: [
    {
      // The up process that declared itself leader (the one with the largest uid if a bug made several).
      id: 'leader',
      title: 'the leader',
      select: (world) => {
        const leaders = world.nodes.filter((n) => n.isUp && n.context.isLeader);
        leaders.sort((a, b) => b.context.uid - a.context.uid);
        return leaders.slice(0, 1).map((n) => n.id);
      },
    },
    {
      // The process with the largest uid: the one the election must pick.
      id: 'maximum',
      title: 'the largest uid',
      select: (world) => {
        let best: (typeof world.nodes)[number] | null = null;
        for (const n of world.nodes) if (best === null || n.context.uid > best.context.uid) best = n;
        return best === null ? [] : [best.id];
      },
    },
  ],
  // The one operation: start an election at the process it is sent to.
  commands: { next: () => 'elect', example: 'elect', label: 'Operation' },
};
