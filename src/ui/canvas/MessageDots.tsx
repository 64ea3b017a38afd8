import { useStore as useFlowStore } from '@xyflow/react';
import { useLayoutEffect, useRef } from 'react';
import type { XY } from '../../app/layout';
import type { MessageLook } from '../../engine/protocol';
import type { InFlight } from '../../engine/simulation';
import { messagePoint, type Rim, vanishing } from './geometry';

const MARGIN = 40;
/** At most this many canvas pixels per flow unit. */
const MAX_DENSITY = 3;

/**
 * Many messages at once (a big cluster): one canvas of dots instead of hundreds of elements, so a
 * frame costs one small repaint. Requests are filled, replies hollow, a vanishing message turns red.
 * Clicks are picked up by the layer above (see MessageLayer), which finds the dot under the pointer.
 */
export function MessageDots({
  flights,
  now,
  centres,
  rim,
  lookOf,
}: {
  flights: readonly InFlight[];
  now: number;
  /** The cards' drawn centres and a card's rim radius. */
  centres: Readonly<Record<string, XY>>;
  rim: Rim;
  lookOf: (m: InFlight) => MessageLook;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = bounds(centres, rim);
  // One canvas pixel per screen pixel at the current zoom: sharp, and no bigger than it must be.
  const zoom = useFlowStore((s) => s.transform[2]);
  const density = Math.min(MAX_DENSITY, Math.max(0.1, zoom * (window.devicePixelRatio || 1)));

  useLayoutEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(density, 0, 0, density, -box.x * density, -box.y * density);
    ctx.clearRect(box.x, box.y, box.width, box.height);
    ctx.lineWidth = 2;
    for (const m of flights) {
      const at = messagePoint(m, now, centres, rim);
      if (!at) continue;
      const fade = vanishing(m, now);
      ctx.globalAlpha = 1 - fade * 0.85;
      ctx.beginPath();
      ctx.arc(at.x, at.y, 6, 0, 2 * Math.PI);
      const isReply = lookOf(m).isReply;
      ctx.fillStyle = isReply ? '#ffffff' : '#24364f';
      ctx.strokeStyle = fade > 0 ? '#b3261e' : '#24364f';
      ctx.fill();
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  });

  return (
    <canvas
      ref={canvas}
      className="message-dots"
      width={Math.ceil(box.width * density)}
      height={Math.ceil(box.height * density)}
      style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
    />
  );
}

function bounds(
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
