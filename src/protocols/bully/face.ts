import type { Face } from '../../engine/face';
import type { NodeStatus } from '../../engine/protocol';
import type { NodeView } from '../../engine/types';
import { priority } from './rules';
import type { BullyContext, BullyView, Role } from './types';

/** Okabe and Ito's colour-blind-safe hues, darkened to at least 4.5:1 on white; each role its own shape. */
const roles: Record<Role, { word: string; color: string; shape: 'circle' | 'triangle' | 'diamond' | 'star' }> = {
  member: { word: 'member', color: '#0072b2', shape: 'circle' },
  electing: { word: 'electing', color: '#a35a00', shape: 'triangle' },
  waiting: { word: 'waiting', color: '#a34d80', shape: 'diamond' },
  coordinator: { word: 'coordinator', color: '#007a5a', shape: 'star' },
};

const notes: Record<Role, string> = {
  member: 'serves its coordinator',
  electing: 'Election sent to higher nodes',
  waiting: 'answered; awaits Coordinator',
  coordinator: 'sends Heartbeat',
};

/** Up nodes in role coordinator, lowest priority first. */
export function coordinatorsOf(world: { readonly nodes: readonly NodeStatus<BullyContext>[] }) {
  return world.nodes.filter((n) => n.isUp && n.context.role === 'coordinator');
}

/**
 * A node card shows its role word and the coordinator it names: the paper's S(i).s and S(i).c. The words are
 * the paper's and the textbooks': member, electing, coordinator; no term, no vote.
 */
export const bullyFace: Face<BullyView & NodeView, BullyContext> = {
  nodeWord: 'Node',
  node(view) {
    return {
      role: roles[view.role],
      badge: { label: 'coordinator', value: view.coordinator ?? '—' },
      note: notes[view.role],
    };
  },
  milestones: [
    { kind: 'election', shape: 'triangle', word: 'election started' },
    { kind: 'won', shape: 'star', word: 'new coordinator' },
  ],
  selectors: [
    {
      // spec/protocols.md `bully`: the highest node in role coordinator.
      id: 'leader',
      title: 'the coordinator',
      select: (world) => {
        const all = coordinatorsOf(world);
        const top = all.reduce<NodeStatus<BullyContext> | null>(
          (best, n) => (best === null || priority(n.context, n.id) > priority(best.context, best.id) ? n : best),
          null,
        );
        return top === null ? [] : [top.id];
      },
    },
    {
      id: 'coordinators',
      title: 'every node that thinks it is coordinator',
      select: (world) => coordinatorsOf(world).map((n) => n.id),
    },
  ],
  commands: { next: () => 'elect', example: 'elect', label: 'Command' },
};
