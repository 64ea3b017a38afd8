import type { NodeView } from '../engine/types';
import type { ProtocolUi, RoleLook } from './protocols/types';

const fallbackColors = ['#2f5d8a', '#7a4b9c', '#8a5a00', '#1f7a5a', '#9c3b5a', '#4d5b6b'];

/** A role's word and colour: the protocol's own, else a stable colour from the role's name. */
export function roleLook(ui: ProtocolUi, role: string | undefined): RoleLook {
  if (role === undefined) return { label: 'node', color: '#4d5b6b' };
  const own = ui.roleLook?.(role);
  if (own) return own;
  let hash = 0;
  for (let i = 0; i < role.length; i++) hash = (hash * 31 + role.charCodeAt(i)) >>> 0;
  return { label: role, color: fallbackColors[hash % fallbackColors.length] as string };
}

/** Common view fields, read defensively: a protocol's view is any JSON. */
export function viewRole(view: NodeView | undefined): string | undefined {
  return typeof view?.role === 'string' ? view.role : undefined;
}

export function viewTerm(view: NodeView | undefined): number | undefined {
  return typeof view?.term === 'number' ? view.term : undefined;
}
