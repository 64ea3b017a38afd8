import { type ClockMode, formatClock } from '../../app/clocks';
import type { NodeId } from '../../engine/types';
import {
  arrowHead,
  arrowSegment,
  laneY,
  type Plot,
  plotOf,
  type Segment,
  type TimeWindow,
  timeTicks,
  timeToX,
} from './geometry';
import { isClearOf, isSparse, Placer, textWidth } from './labels';
import type { DiagramModel, MessageSpan } from './model';
import { ARROW_HEAD_PX, FONT_PX } from './style';
import { formatTime, messageTitle, sideName } from './words';

/** Text at a point; `y` is the baseline's middle (the renderers use `dominant-baseline: central`). */
export interface SceneText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly anchor: 'start' | 'middle' | 'end';
}

export interface SceneArrow {
  readonly id: number;
  readonly segment: Segment;
  readonly isReply: boolean;
  readonly isDuplicate: boolean;
  readonly fate: MessageSpan['fate'];
  /** Delivered: the arrowhead's three points. */
  readonly head: readonly [number, number][] | null;
  readonly label: SceneText | null;
  readonly clocks: readonly SceneText[];
  /** The whole story in words, for the hover title and screen readers. */
  readonly title: string;
}

export interface SceneBand {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly kind: 'crashed' | 'side';
  /** For a partition side: 0 for A, 1 for B... */
  readonly side: number;
  readonly text: SceneText | null;
  readonly title: string;
}

/** A fault at an instant: a vertical mark across the lanes it concerns, with a word at its top. */
export interface SceneMark {
  readonly x: number;
  readonly y1: number;
  readonly y2: number;
  readonly text: SceneText | null;
  readonly title: string;
}

export interface DiagramScene {
  readonly width: number;
  readonly height: number;
  readonly plot: Plot;
  readonly window: TimeWindow;
  readonly lanes: readonly { readonly id: NodeId; readonly y: number }[];
  readonly bands: readonly SceneBand[];
  readonly marks: readonly SceneMark[];
  readonly arrows: readonly SceneArrow[];
  readonly ticks: readonly { readonly x: number; readonly label: string }[];
  readonly cursor: { readonly x: number; readonly label: SceneText } | null;
}

export interface SceneOptions {
  readonly width: number;
  readonly height: number;
  readonly clocks: ClockMode;
  /** Placed first, so its label shows whenever it fits at all. */
  readonly highlighted: number | null;
  /** Width of the top left corner kept free of text (the component's zoom buttons sit there). */
  readonly reservedTopLeftPx?: number;
}

/** The whole picture in pixels: what both the SVG component and the exported image draw. */
export function buildScene(model: DiagramModel, options: SceneOptions): DiagramScene {
  const { width, height } = options;
  const plot = plotOf(width, height);
  const window: TimeWindow = { startMs: model.startMs, endMs: model.endMs };
  const x = (t: number) => timeToX(plot, window, t);
  const clampX = (t: number) => Math.min(plot.right, Math.max(plot.left, x(t)));
  const count = model.nodeIds.length;
  const lanes = model.nodeIds.map((id, i) => ({ id, y: laneY(plot, i, count) }));
  const laneOf = new Map(lanes.map((l) => [l.id, l.y]));
  const gap = (plot.bottom - plot.top) / Math.max(1, count);
  const placer = new Placer({ x: 0, y: 0, w: width, h: height });
  const reserved = options.reservedTopLeftPx ?? 0;
  if (reserved > 0) placer.reserve({ x: 0, y: 0, w: reserved, h: plot.top - 4 });

  let cursor: DiagramScene['cursor'] = null;
  if (model.nowMs >= window.startMs && model.nowMs <= window.endMs) {
    const cx = x(model.nowMs);
    const label = `now ${formatTime(model.nowMs)}`;
    // Left of the line, unless that would run into the corner kept free: then right of it.
    const anchor = cx - 4 - textWidth(label, FONT_PX.mark) > reserved + 4 ? 'end' : 'start';
    // Right of the line, never inside the corner kept free (at t = 0 the line stands under the control).
    const text: SceneText = {
      x: anchor === 'end' ? cx - 4 : Math.max(cx + 4, reserved + 4),
      y: plot.top - 15,
      text: label,
      anchor,
    };
    cursor = { x: cx, label: text };
    placer.reserve(textBox(text, FONT_PX.mark));
  }

  const bands: SceneBand[] = [];
  const marks: SceneMark[] = [];
  for (const p of model.partitions) {
    const x1 = clampX(p.fromMs);
    const x2 = clampX(p.toMs);
    for (const lane of lanes) {
      const side = p.sideOf[lane.id] ?? 0;
      const text = { x: x1 + 6, y: lane.y - gap / 2 + 11, text: sideName(side), anchor: 'start' as const };
      bands.push({
        x: x1,
        y: lane.y - gap / 2,
        w: x2 - x1,
        h: gap,
        kind: 'side',
        side,
        text: x2 - x1 > 24 && gap >= 26 ? text : null,
        title: `${lane.id} on side ${sideName(side)} of a partition, ${formatTime(p.fromMs)} to ${p.isOpen ? 'now' : formatTime(p.toMs)}`,
      });
    }
    marks.push(instantMark(p.fromMs, 'partition', `partition into ${p.sideCount} sides`));
    if (!p.isOpen) marks.push(instantMark(p.toMs, 'healed', 'the partition ends'));
  }
  const crashH = Math.min(gap * 0.6, 30);
  for (const c of model.crashes) {
    const y = laneOf.get(c.node);
    if (y === undefined) continue;
    const x1 = clampX(c.fromMs);
    const x2 = clampX(c.toMs);
    const label = { x: x1 + 6, y, text: 'crashed', anchor: 'start' as const };
    const hasRoom = x2 - x1 > textWidth(label.text, FONT_PX.mark) + 12 && crashH >= 16;
    bands.push({
      x: x1,
      y: y - crashH / 2,
      w: x2 - x1,
      h: crashH,
      kind: 'crashed',
      side: 0,
      text: hasRoom ? label : null,
      title: `${c.node} crashed at ${formatTime(c.fromMs)}${c.isOpen ? ', still down' : `, restarted at ${formatTime(c.toMs)}`}`,
    });
  }
  for (const l of model.linkMarks) {
    const ya = laneOf.get(l.from);
    const yb = laneOf.get(l.to);
    if (ya === undefined || yb === undefined) continue;
    const arrow = l.isOneWay ? '→' : '↔';
    const word = l.kind === 'cut' ? 'cut' : 'mended';
    marks.push({
      x: x(l.atMs),
      y1: Math.min(ya, yb),
      y2: Math.max(ya, yb),
      text: null,
      title: `link ${l.from} ${arrow} ${l.to} ${word} at ${formatTime(l.atMs)}`,
    });
  }
  const placedMarks = marks.map((m) =>
    m.text && !placer.tryPlace(textBox(m.text, FONT_PX.mark)) ? { ...m, text: null } : m,
  );

  const arrows = placeArrows(model, options, plot, window, (node) => laneOf.get(node), placer);
  const ticks = timeTicks(window, plot.right - plot.left).map((t) => ({ x: x(t.atMs), label: t.label }));
  return { width, height, plot, window, lanes, bands, marks: placedMarks, arrows, ticks, cursor };

  function instantMark(atMs: number, word: string, title: string): SceneMark {
    return {
      x: x(atMs),
      y1: plot.top,
      y2: plot.bottom,
      text: { x: x(atMs) + 4, y: plot.top - 15, text: word, anchor: 'start' },
      title: `${title} at ${formatTime(atMs)}`,
    };
  }
}

type Draft = { -readonly [K in keyof SceneArrow]: SceneArrow[K] } & { readonly span: MessageSpan };

function placeArrows(
  model: DiagramModel,
  options: SceneOptions,
  plot: Plot,
  window: TimeWindow,
  laneOf: (node: NodeId) => number | undefined,
  placer: Placer,
): SceneArrow[] {
  const drafts: Draft[] = [];
  for (const m of model.messages) {
    const segment = arrowSegment(plot, window, m, laneOf);
    if (!segment) continue;
    drafts.push({
      id: m.id,
      segment,
      isReply: m.isReply,
      isDuplicate: m.isDuplicate,
      fate: m.fate,
      head: m.fate === 'delivered' ? arrowHead(segment, ARROW_HEAD_PX) : null,
      label: null,
      clocks: [],
      title: messageTitle(m),
      span: m,
    });
  }
  if (isSparse(drafts.length, plot.right - plot.left)) {
    const segments = drafts.map((d) => d.segment);
    // Newest first (the moment near the cursor matters most), the highlighted one before all.
    const order = [...drafts]
      .reverse()
      .sort((a, b) => Number(b.id === options.highlighted) - Number(a.id === options.highlighted));
    const labelled = new Set<string>();
    for (const a of order) {
      // A broadcast (one sender, one instant, one label) is labelled once, not once per receiver.
      const key = `${a.span.from}|${a.span.sentAtMs}|${a.span.label}`;
      if (labelled.has(key)) continue;
      // The highlighted arrow's label may cross others: it is the one the user is looking at.
      a.label = labelFor(a.segment, a.span.label, placer, a.id === options.highlighted ? [] : segments);
      if (a.label) labelled.add(key);
    }
  }
  if (options.clocks !== 'none') placeClocks(drafts, options.clocks, placer);
  return drafts.map(({ span: _span, ...arrow }) => arrow);
}

/** The label of an arrow: at its middle, else a third or two thirds along, wherever it first fits clear of other arrows. */
function labelFor(s: Segment, text: string, placer: Placer, segments: readonly Segment[]): SceneText | null {
  for (const f of [0.5, 0.35, 0.65]) {
    const t: SceneText = { x: s.x1 + (s.x2 - s.x1) * f, y: s.y1 + (s.y2 - s.y1) * f, text, anchor: 'middle' };
    const box = textBox(t, FONT_PX.label);
    if (isClearOf(box, segments, s) && placer.tryPlace(box)) return t;
  }
  return null;
}

/**
 * Clock stamps at event points, just above and right of each. Sends of one node at one instant share
 * a point: it shows the Lamport range (`3–6`) or the last vector, and the arrows' titles give each one.
 */
function placeClocks(drafts: Draft[], mode: 'lamport' | 'vector', placer: Placer): void {
  const points = new Map<string, { arrow: Draft; x: number; y: number; first: string; last: string }>();
  for (const a of drafts) {
    const m = a.span;
    if (m.sendClock && !m.isDuplicate) {
      const key = `s|${m.from}|${m.sentAtMs}`;
      const text = formatClock(m.sendClock, mode);
      const point = points.get(key);
      if (point) point.last = text;
      else points.set(key, { arrow: a, x: a.segment.x1, y: a.segment.y1, first: text, last: text });
    }
    if (m.deliverClock) {
      const text = formatClock(m.deliverClock, mode);
      points.set(`d|${m.id}`, { arrow: a, x: a.segment.x2, y: a.segment.y2, first: text, last: text });
    }
  }
  for (const p of points.values()) {
    const text = p.first === p.last ? p.first : mode === 'lamport' ? `${p.first}–${p.last}` : p.last;
    const t: SceneText = { x: p.x + 4, y: p.y - 10, text, anchor: 'start' };
    if (placer.tryPlace(textBox(t, FONT_PX.clock))) p.arrow.clocks = [...p.arrow.clocks, t];
  }
}

/** The box a text covers, from its anchor point. */
export function textBox(t: SceneText, fontPx: number): { x: number; y: number; w: number; h: number } {
  const w = textWidth(t.text, fontPx);
  const x = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - w : t.x - w / 2;
  return { x, y: t.y - fontPx * 0.65, w, h: fontPx * 1.3 };
}
