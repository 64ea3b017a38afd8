import type { AppState } from '../../app/state';
import type { NodeId } from '../../engine/types';
import type { ProtocolUi } from '../protocols/types';
import { roleLook, viewRole, viewTerm } from '../roles';
import { messagePoint, vanishing } from './geometry';
import { type LinkStatus, linkStatus } from './LinkEdge';

/**
 * The canvas at one instant as plain data, in flow units (the same geometry the canvas draws with):
 * each server with its role word and term, each link with its cuts, each message in flight where it is
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
  readonly color: string;
  readonly term?: number;
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

export function canvasPicture(state: AppState, ui: ProtocolUi): CanvasPicture {
  const { sim, positions, now, scenario } = state;
  const ids = scenario.nodes;
  const nodes: PictureNode[] = [];
  for (const id of ids) {
    const at = positions[id];
    const node = sim.node(id);
    if (!at || !node) continue;
    const look = roleLook(ui, viewRole(node.view));
    const term = viewTerm(node.view);
    nodes.push({ id, x: at.x, y: at.y, isUp: node.isUp, role: look.label, color: look.color, term });
  }
  const links: PictureLink[] = [];
  ids.forEach((a, i) => {
    for (const b of ids.slice(i + 1)) links.push({ a, b, status: linkStatus(sim.network, a, b) });
  });
  const messages: PictureMessage[] = [];
  for (const m of sim.messagesInFlight()) {
    const at = messagePoint(m, now, positions);
    if (!at) continue;
    const look = sim.protocol.describeMessage(m.message);
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
