import { useStore as useFlowStore } from '@xyflow/react';
import type { XY } from '../../app/layout';
import type { Rim } from './geometry';

const MARGIN = 40;
/** At most this many canvas pixels per flow unit. */
const MAX_DENSITY = 3;

export interface CanvasBox {
  /** The flow-unit box the canvas covers: every card and a margin. */
  readonly box: { x: number; y: number; width: number; height: number };
  /** Canvas pixels per flow unit. */
  readonly density: number;
}

/**
 * Where a canvas drawn over the whole cluster sits (MessageDots, RingCanvas), and how finely: one canvas pixel
 * per screen pixel at the current zoom, sharp and no bigger than it must be.
 */
export function useCanvasBox(centres: Readonly<Record<string, XY>>, rim: Rim): CanvasBox {
  const zoom = useFlowStore((s) => s.transform[2]);
  const density = Math.min(MAX_DENSITY, Math.max(0.1, zoom * (window.devicePixelRatio || 1)));
  return { box: bounds(centres, rim), density };
}

export function bounds(
  centres: Readonly<Record<string, XY>>,
  card: Rim,
): { x: number; y: number; width: number; height: number } {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  const rx = typeof card === 'number' ? card : card.x;
  const ry = typeof card === 'number' ? card : card.y;
  for (const p of Object.values(centres)) {
    x0 = Math.min(x0, p.x - rx);
    y0 = Math.min(y0, p.y - ry);
    x1 = Math.max(x1, p.x + rx);
    y1 = Math.max(y1, p.y + ry);
  }
  if (!Number.isFinite(x0)) return { x: 0, y: 0, width: 1, height: 1 };
  return { x: x0 - MARGIN, y: y0 - MARGIN, width: x1 - x0 + 2 * MARGIN, height: y1 - y0 + 2 * MARGIN };
}
