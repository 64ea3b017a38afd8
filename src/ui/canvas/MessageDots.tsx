import { useLayoutEffect, useRef } from 'react';
import type { XY } from '../../app/layout';
import type { MessageLook } from '../../engine/protocol';
import type { InFlight } from '../../engine/simulation';
import { useCanvasBox } from './canvasBox';
import { messagePoint, type Rim, vanishing } from './geometry';

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
  const { box, density } = useCanvasBox(centres, rim);

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
