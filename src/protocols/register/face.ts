import type { Face } from '../../engine/face';
import type { RegisterContext } from './types';
import type { RegisterView } from './view';

/** The primary serves; a backup answers NotPrimary; a client shows how many operations it waits on. */
export const registerFace: Face<RegisterView, RegisterContext> = {
  nodeWord: 'Node',
  node(view) {
    if (view.role === 'client') {
      return {
        role: { word: 'client', color: '#6a3d9a', shape: 'square' },
        badge: { label: 'waiting', value: view.pending.length },
      };
    }
    const keys = Object.keys(view.values).length;
    return {
      role:
        view.role === 'primary'
          ? { word: 'primary', color: '#b35806', shape: 'diamond' }
          : { word: 'backup', color: '#0072b2', shape: 'circle' },
      badge: { label: 'keys', value: keys },
    };
  },
  milestones: [],
  // A file's "leader" names the primary: the one server that serves.
  selectors: [
    {
      id: 'leader',
      title: 'the primary',
      select: (world) =>
        world.nodes
          .filter((n) => n.isUp && n.context.kind === 'server' && n.context.id === n.context.primary)
          .map((n) => n.id),
    },
  ],
  commands: { next: (n) => `write x ${n}`, example: 'write x 1', label: 'Operation' },
};
