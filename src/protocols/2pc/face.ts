import type { Face, RoleFace } from '../../engine/face';
import { lastEntry } from '../../engine/kit';
import type { World } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import type { TwoPcContext } from './types';
import type { TwoPcView } from './view';

/** Okabe and Ito's colour-blind-safe hues, darkened to at least 4.5:1 on white; each role its own shape too. */
const roles: Readonly<Record<string, RoleFace>> = {
  coordinator: { word: 'coordinator', color: '#a34d80', shape: 'hexagon' },
  participant: { word: 'participant', color: '#0072b2', shape: 'circle' },
};

/** Outcomes differ by mark and word as well as colour: bluish green ✓ committed, vermilion ✗ aborted. */
const outcomes: Readonly<Record<string, { color: string; mark: string }>> = {
  committed: { color: '#007a5a', mark: '✓' },
  aborted: { color: '#b34a00', mark: '✗' },
};

/** The coordinator (the first node) while it is up: the `"leader"` selector and where requests go. */
export function liveCoordinator(world: World<TwoPcContext>): NodeId | null {
  const first = world.nodes[0];
  return first?.isUp ? first.id : null;
}

/** The latest transaction a node knows and its state: what a class watches on each card. */
export function latestTransaction(view: TwoPcView): [string, string] | undefined {
  const last = view.transactions && lastEntry<{ readonly state: string }>(view.transactions);
  return last && [last[0], last[1].state];
}

export const twoPcFace: Face<TwoPcView, TwoPcContext> = {
  node(view) {
    const role = view.role === 'coordinator' ? 'coordinator' : 'participant';
    const tx = latestTransaction(view);
    return {
      role: roles[role] as RoleFace,
      ...(tx ? { badge: { label: tx[0], value: tx[1], ...outcomes[tx[1]] } } : {}),
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
