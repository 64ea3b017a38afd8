import type { Face, RoleFace } from '../../engine/face';
import type { NodeView } from '../../engine/types';
import type { LockContext } from './types';
import { isClientView, isMasterView, isServiceView, isStorageView, type LockView } from './view';

/** Okabe and Ito's colour-blind-safe hues, darkened to at least 4.5:1 on white; each kind its own shape. */
const roles = {
  service: { word: 'lock service', color: '#a34d80', shape: 'hexagon' },
  master: { word: 'redis master', color: '#b34a00', shape: 'diamond' },
  storage: { word: 'storage', color: '#0072b2', shape: 'square' },
  client: { word: 'client', color: '#007a5a', shape: 'circle' },
} as const satisfies Record<string, RoleFace>;

export const lockFace: Face<LockView & NodeView, LockContext> = {
  node(view) {
    if (isServiceView(view)) {
      return {
        role: roles.service,
        badge: { label: 'token', value: view.token },
        note: view.holder === null ? 'free' : `held by ${view.holder}`,
      };
    }
    if (isMasterView(view)) {
      return { role: roles.master, note: view.key === null ? 'no key' : `key ${view.key.value.split('.')[0]}` };
    }
    if (isStorageView(view)) {
      return {
        role: roles.storage,
        badge: { label: 'max token', value: view.maxToken },
        note: view.value === null ? 'empty' : `value ${view.value}`,
      };
    }
    if (isClientView(view)) {
      return {
        role: roles.client,
        ...(view.token === null ? {} : { badge: { label: 'token', value: view.token } }),
        note: view.holding ? 'holds the lock' : 'idle',
      };
    }
    return { role: roles.client };
  },
  milestones: [
    { kind: 'grant', shape: 'diamond', word: 'lock granted' },
    { kind: 'write', shape: 'square', word: 'write accepted' },
  ],
  selectors: [
    {
      // `"leader"` never names a client (spec §1): here it is the lock service, or the first Redis master.
      id: 'leader',
      title: 'the lock service',
      select: (world) => {
        const first = world.nodes.find((n) => n.context.role === 'service' || n.context.role === 'master');
        return first?.isUp ? [first.id] : [];
      },
    },
    {
      id: 'holder',
      title: 'the lock holder',
      select: (world) => {
        // Whoever believes it holds the lock (under Redlock, possibly two).
        return world.nodes.filter((n) => n.isUp && n.context.role === 'client' && n.context.holding).map((n) => n.id);
      },
    },
  ],
  commands: { next: (n) => `update ${n}`, example: 'update 1', label: 'Operation' },
};
