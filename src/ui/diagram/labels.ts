/**
 * When text goes on the diagram: labels only while arrows are sparse, and never on top of each other.
 * Widths are estimated from the character count, so the decision is pure and the same in the page,
 * in the tests and in an exported image.
 */

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Below this much width per arrow the picture is a crowd: no arrow gets a label. */
export const MIN_PX_PER_LABELLED_ARROW = 12;
/** A label may lie across at most this many other arrows; more, and it would hide the picture. */
export const MAX_CROSSINGS = 1;
/** At most this many texts of one kind are placed, however sparse. */
const MAX_TEXTS = 60;

/** A generous estimate of a text's width in the diagram's sans-serif face. */
export function textWidth(text: string, fontPx: number): number {
  return [...text].length * fontPx * 0.6;
}

/** Whether `arrowCount` arrows across `plotWidth` pixels leave room for labels at all. */
export function isSparse(arrowCount: number, plotWidth: number): boolean {
  return arrowCount > 0 && arrowCount * MIN_PX_PER_LABELLED_ARROW <= plotWidth;
}

/** Places boxes first come, first served: one that would overlap a placed box (or leave the bounds) is refused. */
export class Placer {
  private readonly boxes: Box[] = [];
  private placedCount = 0;

  constructor(
    private readonly bounds: Box,
    private readonly margin = 3,
  ) {}

  /** Marks space as taken without counting it as a text (lane names, the cursor's label). */
  reserve(box: Box): void {
    this.boxes.push(box);
  }

  tryPlace(box: Box): boolean {
    if (this.placedCount >= MAX_TEXTS) return false;
    const b = this.bounds;
    if (box.x < b.x || box.y < b.y || box.x + box.w > b.x + b.w || box.y + box.h > b.y + b.h) return false;
    const m = this.margin;
    for (const o of this.boxes) {
      if (box.x < o.x + o.w + m && o.x < box.x + box.w + m && box.y < o.y + o.h + m && o.y < box.y + box.h + m)
        return false;
    }
    this.boxes.push(box);
    this.placedCount++;
    return true;
  }
}

interface Line {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** Whether a segment passes through a box (Liang-Barsky clipping). */
export function crossesBox(s: Line, b: Box): boolean {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let lo = 0;
  let hi = 1;
  const edges: [number, number][] = [
    [-dx, s.x1 - b.x],
    [dx, b.x + b.w - s.x1],
    [-dy, s.y1 - b.y],
    [dy, b.y + b.h - s.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) lo = Math.max(lo, r);
    else hi = Math.min(hi, r);
    if (lo > hi) return false;
  }
  return true;
}

/** Whether a label's box lies clear enough of the other arrows: it may cross at most `MAX_CROSSINGS`. */
export function isClearOf(box: Box, lines: readonly Line[], own: Line): boolean {
  let crossings = 0;
  for (const line of lines) {
    if (line === own || !crossesBox(line, box)) continue;
    if (++crossings > MAX_CROSSINGS) return false;
  }
  return true;
}
