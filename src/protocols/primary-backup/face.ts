import type { Face, RoleFace } from '../../engine/face';
import type { NodeView } from '../../engine/types';
import type { PbContext } from './types';
import { isServerView, type PbView } from './view';

/** Okabe and Ito's hues, darkened to at least 4.5:1 on white; each role its own shape. */
const roles = {
  primary: { word: 'primary', color: '#b34a00', shape: 'diamond' },
  backup: { word: 'backup', color: '#0072b2', shape: 'circle' },
  client: { word: 'client', color: '#6a3d9a', shape: 'square' },
} as const satisfies Record<string, RoleFace>;

const upPrimaries = (world: Parameters<Face<NodeView, PbContext>['selectors'][number]['select']>[0]) =>
  world.nodes
    .filter((n) => n.isUp && n.context.kind === 'server' && n.context.role === 'primary')
    .sort(
      (a, b) =>
        (b.context.kind === 'server' ? b.context.epoch : 0) - (a.context.kind === 'server' ? a.context.epoch : 0),
    )
    .map((n) => n.id);

/** Cards show the role and the epoch; the note says how much of the log is acknowledged, and semi-sync's state. */
export const pbFace: Face<PbView & NodeView, PbContext> = {
  nodeWord: 'Node',
  node(view) {
    if (!isServerView(view)) {
      return {
        role: roles.client,
        badge: { label: 'waiting', value: view.pending.length },
        note: `writes to ${view.primary}`,
      };
    }
    const semi = view.role === 'primary' && view.semiSyncOn ? ' · semi-sync' : '';
    return {
      role: roles[view.role],
      badge: { label: 'epoch', value: view.epoch },
      note: `log ${view.log.length}, acked ${view.ackedIndex}${semi}`,
    };
  },
  milestones: [
    { kind: 'promote', shape: 'diamond', word: 'new primary' },
    { kind: 'fallback', shape: 'triangle', word: 'semi-sync falls back to async' },
  ],
  selectors: [
    // A file's "leader" names the primary (the one of the highest epoch first, should there be two).
    { id: 'leader', title: 'the primary', select: upPrimaries },
    {
      id: 'backups',
      title: 'the backups',
      select: (world) =>
        world.nodes
          .filter((n) => n.isUp && n.context.kind === 'server' && n.context.role === 'backup')
          .map((n) => n.id),
    },
  ],
  commands: { next: (n) => `write x ${n}`, example: 'write x 1', label: 'Operation' },
};
