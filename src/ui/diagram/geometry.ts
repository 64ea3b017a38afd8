import type { VirtualMs } from '../../engine/types';
import type { MessageSpan } from './model';

/** Time runs left to right; one horizontal lane per node. All lengths in CSS pixels. */

/** A lost message vanishes this far along its trip (the engine times its loss at half the usual flight). */
export const LOST_AT = 0.5;
/** A dropped message is drawn at least this far along, so its cross stands clear of the sender's lane... */
const MIN_DROP_PROGRESS = 0.18;
/** ...and at most this far, so the cross stays visibly short of the lane it never reached. */
const MAX_DROP_PROGRESS = 0.9;
/** Where `now` sits across the window once the run is longer than it: a little room to its right. */
export const NOW_AT = 0.92;

export interface TimeWindow {
  readonly startMs: VirtualMs;
  readonly endMs: VirtualMs;
}

/** The plot area inside the diagram: lanes and arrows live in it; ids to its left, time axis below. */
export interface Plot {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export const GUTTER_LEFT = 64;
export const GUTTER_RIGHT = 16;
export const GUTTER_TOP = 30;
export const GUTTER_BOTTOM = 34;

/** The window of `windowMs` that shows `now`: from 0 at first, then following `now` at `NOW_AT` across. */
export function visibleWindow(nowMs: VirtualMs, windowMs: number): TimeWindow {
  const span = Math.max(1, windowMs);
  const startMs = Math.max(0, nowMs - span * NOW_AT);
  return { startMs, endMs: startMs + span };
}

export function plotOf(width: number, height: number): Plot {
  return {
    left: GUTTER_LEFT,
    right: Math.max(GUTTER_LEFT + 1, width - GUTTER_RIGHT),
    top: GUTTER_TOP,
    bottom: Math.max(GUTTER_TOP + 1, height - GUTTER_BOTTOM),
  };
}

export function timeToX(plot: Plot, window: TimeWindow, t: VirtualMs): number {
  const span = window.endMs - window.startMs || 1;
  return plot.left + ((t - window.startMs) / span) * (plot.right - plot.left);
}

/** The time under a horizontal position, clamped to the window and never before 0. */
export function xToTime(plot: Plot, window: TimeWindow, x: number): VirtualMs {
  const f = (x - plot.left) / (plot.right - plot.left || 1);
  const t = window.startMs + Math.min(1, Math.max(0, f)) * (window.endMs - window.startMs);
  return Math.max(0, Math.round(t));
}

/** The y of lane `index` of `count`: lanes evenly spaced, half a gap from the plot's top and bottom. */
export function laneY(plot: Plot, index: number, count: number): number {
  const gap = (plot.bottom - plot.top) / Math.max(1, count);
  return plot.top + gap * (index + 0.5);
}

/**
 * How far (0 to 1) from the sender's lane towards the receiver's a message is drawn: a delivered one
 * all the way; one in flight as far as it has come by now; a lost one half way, where it vanished;
 * one dropped elsewhere as far as it had come when it was dropped, kept clear of both lanes.
 */
export function arrowProgress(m: MessageSpan): number {
  if (m.fate === 'delivered') return 1;
  const span = m.dueAtMs - m.sentAtMs;
  // A message refused at its send (a cut link) has no span: it travelled nothing.
  const travelled =
    span <= 0 ? (m.endAtMs > m.sentAtMs ? 1 : 0) : Math.min(1, Math.max(0, (m.endAtMs - m.sentAtMs) / span));
  if (m.fate === 'inFlight') return m.isLost ? travelled * LOST_AT : travelled;
  const p = m.isLost ? LOST_AT : travelled;
  return Math.min(MAX_DROP_PROGRESS, Math.max(MIN_DROP_PROGRESS, p));
}

export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** The arrow of a message, from its send on the sender's lane to where it ends (or is now). */
export function arrowSegment(
  plot: Plot,
  window: TimeWindow,
  m: MessageSpan,
  laneOf: (node: string) => number | undefined,
): Segment | null {
  const y1 = laneOf(m.from);
  const yTo = laneOf(m.to);
  if (y1 === undefined || yTo === undefined) return null;
  const p = arrowProgress(m);
  return {
    x1: timeToX(plot, window, m.sentAtMs),
    y1,
    x2: timeToX(plot, window, m.endAtMs),
    y2: y1 + (yTo - y1) * p,
  };
}

/** The three points of an arrowhead of `size` at the end of a segment. */
export function arrowHead(s: Segment, size: number): readonly [number, number][] {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const bx = s.x2 - ux * size;
  const by = s.y2 - uy * size;
  const half = size * 0.5;
  return [
    [bx - uy * half, by + ux * half],
    [s.x2, s.y2],
    [bx + uy * half, by - ux * half],
  ];
}

export interface Tick {
  readonly atMs: VirtualMs;
  readonly label: string;
}

/** Round time ticks (1, 2 or 5 times a power of ten ms) at least `minGapPx` apart. */
export function timeTicks(window: TimeWindow, widthPx: number, minGapPx = 110): Tick[] {
  const span = window.endMs - window.startMs;
  if (span <= 0 || widthPx <= 0) return [];
  const rough = (span * minGapPx) / widthPx;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((k) => k * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: Tick[] = [];
  for (let t = Math.ceil(window.startMs / step) * step; t <= window.endMs; t += step) {
    ticks.push({ atMs: t, label: formatSeconds(t, step) });
  }
  return ticks;
}

/** `1.25 s`, with as many decimals as the step between ticks needs. */
export function formatSeconds(t: VirtualMs, stepMs = 1): string {
  if (t === 0) return '0 s';
  const decimals = stepMs >= 1000 ? 0 : stepMs >= 100 ? 1 : stepMs >= 10 ? 2 : 3;
  return `${(t / 1000).toFixed(decimals)} s`;
}
