import type { XY } from '../../app/layout';

/**
 * Where the labels of messages in flight go, so that the canvas stays calm: a label sits beside its
 * message's dot, along the link, never over a node's words, a dot or another label. Messages with the
 * same label close together share one label (`Heartbeat ×4`: four messages). A label with no free
 * place is left out: its dot stays, and the full label shows on hover or focus. Pure and deterministic.
 */

export interface Box {
  /** Top-left corner and size, in the canvas's flow units. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A circle, or an oval when `ry` differs from `r` (then `r` is its half-width). */
export interface Circle {
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly ry?: number;
}

export interface LabelInput {
  /** The message's id: its dot's identity and, for a group, the order. */
  readonly id: number;
  readonly text: string;
  /** Its dot's centre. */
  readonly at: XY;
  /** The direction it travels (a unit vector). */
  readonly dir: XY;
  /** Selected or under the pointer: placed first and never merged. */
  readonly isPinned?: boolean;
}

export interface LabelPlan {
  /** The first message of the group: the label's identity from frame to frame. */
  readonly key: number;
  readonly members: readonly number[];
  /** The label's words: `Heartbeat`, or `Heartbeat ×4` for four messages. */
  readonly text: string;
  /** Where it goes, or null when there is no free place. */
  readonly box: Box | null;
  /** Which of its candidate places it took: kept next frame if still free, so labels do not hop. */
  readonly slot: number;
}

export interface LabelSpace {
  /** A label's size for its words. */
  measure(text: string): { width: number; height: number };
  /** The radius of a message's dot. */
  readonly dot: number;
  /** The space kept between a label and anything else. */
  readonly gap: number;
  /** Node cards and the boxes of their words: labels never cover them. */
  readonly circles: readonly Circle[];
  readonly boxes: readonly Box[];
  /** The part of the canvas in view: a label never goes past its edges. */
  readonly bounds?: Box;
  /** Last frame's slots by key. */
  readonly previous?: ReadonlyMap<number, number>;
}

/** How many messages a merged label stands for, in its words. */
export function groupText(text: string, count: number): string {
  return count > 1 ? `${text} ×${count}` : text;
}

export function layoutLabels(labels: readonly LabelInput[], space: LabelSpace): LabelPlan[] {
  const groups = groupsOf(labels, space);
  const placed: Box[] = [];
  const dots = labels.map((l) => ({ x: l.at.x, y: l.at.y, r: space.dot }));
  const plans: LabelPlan[] = [];
  for (const group of groups) {
    const first = group[0] as LabelInput;
    const text = groupText(first.text, group.length);
    const size = space.measure(text);
    const places = placesFor(group, size, space);
    const was = space.previous?.get(first.id);
    const order = was !== undefined && was >= 0 && was < places.length ? [was, ...places.keys()] : [...places.keys()];
    let chosen: { box: Box; slot: number } | null = null;
    for (const slot of order) {
      const box = places[slot] as Box;
      if (isFree(box, space, dots, placed)) {
        chosen = { box, slot };
        break;
      }
    }
    if (chosen) placed.push(chosen.box);
    plans.push({
      key: first.id,
      members: group.map((l) => l.id),
      text,
      box: chosen?.box ?? null,
      slot: chosen?.slot ?? -1,
    });
  }
  return plans;
}

/** Same words, dots closer than the label is long: one group. Pinned messages stay alone. Biggest first. */
function groupsOf(labels: readonly LabelInput[], space: LabelSpace): LabelInput[][] {
  const sorted = [...labels].sort((a, b) => a.id - b.id);
  const groups: LabelInput[][] = [];
  for (const label of sorted) {
    const reach = space.measure(label.text).width + space.gap;
    const home = label.isPinned
      ? undefined
      : groups.find(
          (g) => !g[0]?.isPinned && g[0]?.text === label.text && g.some((m) => distance(m.at, label.at) <= reach),
        );
    if (home) home.push(label);
    else groups.push([label]);
  }
  const rank = (g: LabelInput[]) => (g[0]?.isPinned ? 0 : 1);
  return groups.sort((a, b) => rank(a) - rank(b) || b.length - a.length || (a[0]?.id ?? 0) - (b[0]?.id ?? 0));
}

/**
 * Places beside each member's dot: on the outer side of its lane first, then the other side, each
 * slid along the link by up to a label's length either way. A group tries its middle first.
 */
function placesFor(group: readonly LabelInput[], size: { width: number; height: number }, space: LabelSpace) {
  const out: Box[] = [];
  const anchors = group.length > 1 ? [middleOf(group), ...group] : group;
  for (const anchor of anchors) {
    const { dir } = anchor;
    const normal = { x: -dir.y, y: dir.x };
    const support = (size.width / 2) * Math.abs(normal.x) + (size.height / 2) * Math.abs(normal.y);
    const along = (size.width / 2) * Math.abs(dir.x) + (size.height / 2) * Math.abs(dir.y);
    const aside = support + space.dot + space.gap;
    for (const slide of [0, 1, -1, 2, -2]) {
      for (const side of [1, -1]) {
        const cx = anchor.at.x + dir.x * slide * along + normal.x * side * aside;
        const cy = anchor.at.y + dir.y * slide * along + normal.y * side * aside;
        out.push({ x: cx - size.width / 2, y: cy - size.height / 2, width: size.width, height: size.height });
      }
    }
  }
  return out;
}

function middleOf(group: readonly LabelInput[]): LabelInput {
  const x = group.reduce((sum, l) => sum + l.at.x, 0) / group.length;
  const y = group.reduce((sum, l) => sum + l.at.y, 0) / group.length;
  return { ...(group[0] as LabelInput), at: { x, y } };
}

function isFree(box: Box, space: LabelSpace, dots: readonly Circle[], placed: readonly Box[]): boolean {
  const { gap, bounds } = space;
  if (bounds && !(box.x >= bounds.x && box.y >= bounds.y && box.x + box.width <= bounds.x + bounds.width)) return false;
  if (bounds && box.y + box.height > bounds.y + bounds.height) return false;
  for (const c of space.circles) if (boxMeetsCircle(box, c, gap)) return false;
  for (const b of space.boxes) if (boxesMeet(box, b, gap)) return false;
  for (const d of dots) if (boxMeetsCircle(box, d, gap / 2)) return false;
  for (const b of placed) if (boxesMeet(box, b, gap)) return false;
  return true;
}

/**
 * A thin line from a label to its nearest dot when the label had to slide away from it, so the eye
 * finds which dot it names; null when the label is right beside the dot.
 */
export function tether(box: Box, dots: readonly XY[], near: number): { from: XY; to: XY } | null {
  let best: { from: XY; to: XY; length: number } | null = null;
  for (const dot of dots) {
    const to = {
      x: Math.max(box.x, Math.min(dot.x, box.x + box.width)),
      y: Math.max(box.y, Math.min(dot.y, box.y + box.height)),
    };
    const length = distance(dot, to);
    if (!best || length < best.length) best = { from: dot, to, length };
  }
  return best && best.length > near ? { from: best.from, to: best.to } : null;
}

export function boxesMeet(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap
  );
}

export function boxMeetsCircle(box: Box, c: Circle, gap = 0): boolean {
  const nx = Math.max(box.x, Math.min(c.x, box.x + box.width));
  const ny = Math.max(box.y, Math.min(c.y, box.y + box.height));
  // Clamping each axis finds the nearest point of the box in the oval's stretched metric too.
  return Math.hypot((c.x - nx) / (c.r + gap), (c.y - ny) / ((c.ry ?? c.r) + gap)) < 1;
}

function distance(a: XY, b: XY): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
