import type { Face } from '../../engine/face';
import type { NodeView } from '../../engine/types';
import type { QuorumContext } from './types';
import { isClientView, type QuorumView } from './view';

/** Okabe and Ito's colour-blind-safe hues, darkened to at least 4.5:1 on white; each role its own shape. */
const roles = {
  replica: { word: 'replica', color: '#0072b2', shape: 'circle' },
  standIn: { word: 'stand-in', color: '#b34a00', shape: 'diamond' },
  client: { word: 'client', color: '#6a3d9a', shape: 'square' },
} as const;

/**
 * Every server is a replica of some keys and a coordinator of the requests it gets: no node is special
 * (Dynamo §2, "symmetry"). A card shows the hinted replicas it holds for others (a stand-in) and its tokens.
 */
export const quorumFace: Face<QuorumView & NodeView, QuorumContext> = {
  nodeWord: 'Node',
  node(view) {
    if (isClientView(view)) {
      return { role: roles.client, badge: { label: 'waiting', value: view.pending.length } };
    }
    const keys = Object.keys(view.store).length;
    const hints = view.hints.length;
    return {
      role: hints > 0 ? roles.standIn : roles.replica,
      badge: { label: 'hints', value: hints },
      note: `${view.tokens.length} tokens · ${keys} key${keys === 1 ? '' : 's'}`,
    };
  },
  milestones: [],
  selectors: [
    {
      id: 'stand-ins',
      title: 'the nodes holding hints',
      select: (world) =>
        world.nodes
          .filter((n) => n.isUp && n.context.kind === 'server' && n.context.hinted.length > 0)
          .map((n) => n.id),
    },
  ],
  commands: { next: (n) => `write x ${n}`, example: 'write x 1', label: 'Operation' },
};
