import type { Face, RoleFace } from '../../engine/face';
import type { World } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import type { TwoPcContext } from './types';
import type { TwoPcView } from './view';

const roles: Readonly<Record<string, RoleFace>> = {
  coordinator: { word: 'coordinator', color: '#6b3fa0', shape: 'hexagon' },
  participant: { word: 'participant', color: '#2f5d8a', shape: 'circle' },
};

/** The coordinator (the first node) while it is up: the `"leader"` selector and where requests go. */
export function liveCoordinator(world: World<TwoPcContext>): NodeId | null {
  const first = world.nodes[0];
  return first?.isUp ? first.id : null;
}

/** The latest transaction a node knows and its state: what a class watches on each card. */
export function latestTransaction(view: TwoPcView): [string, string] | undefined {
  const last = Object.entries(view.transactions ?? {}).at(-1);
  return last && [last[0], last[1].state];
}

export const twoPcFace: Face<TwoPcView, TwoPcContext> = {
  node(view) {
    const role = view.role === 'coordinator' ? 'coordinator' : 'participant';
    const tx = latestTransaction(view);
    return {
      role: roles[role] as RoleFace,
      ...(tx ? { badge: { label: tx[0], value: tx[1] } } : {}),
      ...(tx?.[1] === 'prepared' ? { note: 'locked' } : {}),
    };
  },
  milestones: [{ kind: 'decision', shape: 'square', word: 'decision' }],
  selectors: [
    {
      id: 'leader',
      title: 'the coordinator',
      select: (world) => {
        const c = liveCoordinator(world);
        return c === null ? [] : [c];
      },
    },
  ],
  commands: { next: (n) => `t${n}`, example: 't1', label: 'Transaction id' },
};
