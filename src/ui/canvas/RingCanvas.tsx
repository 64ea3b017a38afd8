import { ViewportPortal } from '@xyflow/react';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { ringTimer } from '../../app/selectors';
import { useStore } from '../../app/useStore';
import { useProtocolUi } from '../hooks';
import { useCanvasBox } from './canvasBox';
import { timerRemaining } from './geometry';
import { displayCentres, rimOf } from './stage';
import { useStageOf } from './useStage';

/**
 * Above this many nodes the timer rings are drawn on one canvas instead of one SVG each: at 64 nodes the rings
 * were 63 layers of their own, repainted and re-rastered every frame, the largest share of a frame.
 */
export const RING_CANVAS_NODES = 30;

/** The ring's radius and stroke as a share of the card's size, as TimerRing.tsx draws them (67 and 5 of 120). */
const RADIUS = (1.2 * 67) / 144;
const STROKE = (1.2 * 5) / 144;

/**
 * Every up node's draining timer (the protocol's ring timer) on one canvas beneath the cards, for a large
 * cluster: the same ring TimerRing.tsx draws, one repaint per frame for all of them.
 */
export function RingCanvas() {
  const stage = useStageOf();
  const ui = useProtocolUi();
  const nodes = useStore((s) => s.frame.nodes);
  const now = useStore((s) => s.now);
  const positions = useStore((s) => s.positions);
  const centres = useMemo(() => displayCentres(stage, positions), [stage, positions]);
  const { box, density } = useCanvasBox(centres, rimOf(stage));
  const canvas = useRef<HTMLCanvasElement>(null);

  useLayoutEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(density, 0, 0, density, -box.x * density, -box.y * density);
    ctx.clearRect(box.x, box.y, box.width, box.height);
    const rx = stage.cardWidth * RADIUS;
    const ry = stage.card * RADIUS;
    ctx.lineWidth = Math.max(2, stage.card * STROKE);
    ctx.lineCap = 'round';
    for (const node of nodes) {
      const at = centres[node.id];
      const timer = node.isUp ? ringTimer(node, ui.ringTimer) : undefined;
      if (!at || !timer) continue;
      const left = timerRemaining(timer, now);
      ctx.strokeStyle = '#eceef1';
      ctx.beginPath();
      ctx.ellipse(at.x, at.y, rx, ry, 0, 0, 2 * Math.PI);
      ctx.stroke();
      if (left <= 0) continue;
      ctx.strokeStyle = left < 0.2 ? '#c2410c' : '#8a97a8';
      ctx.beginPath();
      ctx.ellipse(at.x, at.y, rx, ry, 0, -Math.PI / 2, -Math.PI / 2 + 2 * Math.PI * left);
      ctx.stroke();
    }
  });

  return (
    <ViewportPortal>
      <canvas
        ref={canvas}
        className="ring-canvas"
        width={Math.ceil(box.width * density)}
        height={Math.ceil(box.height * density)}
        style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
      />
    </ViewportPortal>
  );
}
