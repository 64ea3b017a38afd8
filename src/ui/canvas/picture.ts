import { centerOf, drawnLinks, type XY } from '../../app/layout';
import { type LinkStatus, linkStatus, nodeIdsOf, nodeOf } from '../../app/selectors';
import type { AppState } from '../../app/state';
import type { NodeId } from '../../engine/types';
import { badgeText, nodeLook, roleGlyph } from '../faces';
import { messagePoint, vanishing } from './geometry';

/**
 * The canvas at one instant as plain data, in flow units (the same geometry the canvas draws with):
 * each node with its role word and badge (the protocol's face), each link with its cuts, each message in flight where it is
 * at `now`. `canvasSvg.ts` writes it as a picture.
 */
export interface CanvasPicture {
  readonly title: string;
  readonly nowMs: number;
  readonly nodes: readonly PictureNode[];
  readonly links: readonly PictureLink[];
  readonly messages: readonly PictureMessage[];
}

export interface PictureNode {
  readonly id: NodeId;
  /** Top-left corner, as on the canvas. */
  readonly x: number;
  readonly y: number;
  readonly isUp: boolean;
  readonly role: string;
  /** The role's shape as a glyph (`★`), so roles differ by shape in the picture too. */
  readonly glyph: string;
  readonly color: string;
  /** The protocol's headline in words (`term 3`), if its face gives one. */
  readonly badge?: string;
}

export interface PictureLink {
  readonly a: NodeId;
  readonly b: NodeId;
  readonly status: LinkStatus;
}

export interface PictureMessage {
  readonly id: number;
  /** Centre of the label. */
  readonly x: number;
  readonly y: number;
  readonly label: string;
  readonly isReply: boolean;
  readonly isDuplicate: boolean;
  /** 0 on its way; up to 1 where a lost message vanishes. */
  readonly fade: number;
}

export function canvasPicture(state: AppState): CanvasPicture {
  const { frame, positions, now, scenario } = state;
  const ids = nodeIdsOf(scenario);
  const nodes: PictureNode[] = [];
  for (const id of ids) {
    const at = positions[id];
    const node = nodeOf(frame, id);
    if (!at || !node) continue;
    const look = nodeLook(frame.protocol.face, node, ids.length);
    const badge = look.badge && badgeText(look.badge);
    const glyph = roleGlyph(look, node.isUp);
    nodes.push({ id, x: at.x, y: at.y, isUp: node.isUp, role: look.role.word, glyph, color: look.role.color, badge });
  }
  const links: PictureLink[] = drawnLinks(frame.shape).map(({ a, b }) => ({
    a,
    b,
    status: linkStatus(frame.network, a, b),
  }));
  const centres: Record<NodeId, XY> = {};
  for (const [id, p] of Object.entries(positions)) centres[id] = centerOf(p);
  const messages: PictureMessage[] = [];
  for (const m of frame.messages) {
    const at = messagePoint(m, now, centres);
    if (!at) continue;
    const look = frame.protocol.describeMessage(m.message);
    messages.push({
      id: m.id,
      x: at.x,
      y: at.y,
      label: look.label,
      isReply: look.isReply,
      isDuplicate: m.duplicateOf !== undefined,
      fade: vanishing(m, now),
    });
  }
  return { title: scenario.title ?? '', nowMs: now, nodes, links, messages };
}
