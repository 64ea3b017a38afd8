import type { NodeId } from '../engine/types';

export interface XY {
  readonly x: number;
  readonly y: number;
}

/** The diameter of a node card on the canvas, in flow units; a node's position is its top-left corner. */
export const NODE_SIZE = 120;

/** Nodes evenly on a circle, the first at the top, clockwise, with room between neighbours. */
export function circleLayout(ids: readonly NodeId[]): Record<NodeId, XY> {
  const n = ids.length;
  const radius = n <= 1 ? 0 : Math.max(170, (n * (NODE_SIZE + 64)) / (2 * Math.PI));
  const out: Record<NodeId, XY> = {};
  ids.forEach((id, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    out[id] = {
      x: Math.round(radius * Math.cos(angle) - NODE_SIZE / 2),
      y: Math.round(radius * Math.sin(angle) - NODE_SIZE / 2),
    };
  });
  return out;
}

export function centerOf(position: XY): XY {
  return { x: position.x + NODE_SIZE / 2, y: position.y + NODE_SIZE / 2 };
}
