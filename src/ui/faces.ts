import type { Badge, Face, NodeSelector, RoleFace, Shape } from '../engine/face';
import type { NodeView } from '../engine/types';

/** How one node reads on its card, in the inspector and in pictures: the protocol's face, or crashed. */
export interface NodeLook {
  readonly role: RoleFace;
  readonly badge?: Badge;
  readonly note?: string;
}

/** A crashed node reads the same in every protocol: liveness is the engine's, not the protocol's. */
export const CRASHED: RoleFace = { word: 'crashed', color: '#4d5b6b' };

/** A role's shape as a glyph beside its word, so roles differ by shape as well as by colour. */
const GLYPHS: Readonly<Record<Shape, string>> = {
  circle: '●',
  square: '■',
  diamond: '◆',
  triangle: '▲',
  hexagon: '⬢',
  ring: '○',
  star: '★',
};

/** The glyph beside a node's role word: its role's shape, or a cross for a crashed node. */
export function roleGlyph(look: { readonly role: RoleFace }, isUp: boolean): string {
  if (!isUp) return '✕';
  return look.role.shape ? GLYPHS[look.role.shape] : '';
}

/** A node's look from its protocol's face and its liveness; a crashed node keeps its badge (what survived). */
export function nodeLook(face: Face, node: { readonly isUp: boolean; readonly view: NodeView }, clusterSize: number) {
  const look = face.node(node.view, clusterSize);
  if (node.isUp) return look as NodeLook;
  return (look.badge ? { role: CRASHED, badge: look.badge } : { role: CRASHED }) as NodeLook;
}

/** What one node is called in labels (`Server n3`, `Node n3`). */
export function nodeWord(face: Face): string {
  return face.nodeWord ?? 'Node';
}

/** A badge in words: `term 3`, `t1 prepared`. */
export function badgeText(badge: Badge): string {
  return `${badge.label} ${badge.value}`;
}

/** A selector's title as a heading word: `the leader` reads `Leader`, `the coordinator` reads `Coordinator`. */
export function selectorWord(selector: Pick<NodeSelector, 'title'>): string {
  const bare = selector.title.replace(/^the\s+/i, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}
