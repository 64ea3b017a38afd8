import { centerOf, NODE_SIZE, type XY } from '../../app/layout';
import { borderOf, LINE_HEIGHT } from './cardFit';

/**
 * How the cluster fills the stage so that a node's words are legible from the back row. The store keeps
 * each node's place in layout units (app/layout.ts); the stage stretches those places to the canvas's
 * pixel size (each axis on its own, within a limit, so a wide stage spreads the cluster sideways) and
 * picks a card size, at zoom 1, so that the role and badge text is at least `minFontPx` on screen.
 * When the stage is too small for every word at that size, the cards turn into ovals (words are wide)
 * and show fewer words (the note goes; on the smallest stages the id moves beside the badge), never
 * smaller ones, except on a stage too short for even two lines (a 25-node grid at 1280x720): there the
 * two lines shrink until they fit inside the oval, never below FLOOR_FONT. Ovals widen into the room the
 * stage has beside them, so their short top and bottom lines hold the words. Pure: the canvas and its
 * tests share it.
 */

/** A card's role text is this fraction of its diameter with every word shown (16 px on a 120 px card). */
export const FULL_RATIO = 0.14;
/** Room around the cluster, in pixels: the timer ring and a margin. */
const PAD = 10;
/** The ring around a card reaches this far beyond it (TimerRing: 144 px around a 120 px card). */
export const RING = 1.2;
/** Centres stay at least this many card diameters apart: rings never touch and a label fits between. */
const SPACING = 1.35;
/** The cluster's width and height are stretched by factors at most this far apart. */
const MAX_ASPECT = 4;
/** Cards grow with the stage, up to text this much larger than the minimum. */
const MAX_GROWTH = 1.5;
/** A card too small for every word turns into an oval this many times as wide as tall: words are wide. */
const WIDE = 1.5;
/** On the smallest stages, with two lines of words, wider still. */
const WIDER = 1.75;

/** With fewer words, ovals widen up to this many times as wide as tall where the stage has room beside them. */
const WIDEST = { brief: 2.2, bare: 3, line: 4 } as const;

/**
 * Every word; no note; no note and the id beside the badge (two lines, for the smallest stages); every word
 * on one line (a stage too short for two lines of 12 px words in an oval: a 25-node grid at 1280x720).
 */
export type Words = 'full' | 'brief' | 'bare' | 'line';
/** A card shorter than this many times its text size shows two lines of words, not three (the three fit its oval). */
const THREE_LINES = 4.8;
/** The smallest words on any canvas (the embedded player's minimum): bare words shrink to fit, never below. */
export const FLOOR_FONT = 12;
/** A bare card's two lines reach at most this share of its inner half-height from its centre. */
const BARE_REACH = 0.8;

export interface StageInput {
  /** The canvas's size in CSS pixels, less anything that covers it (an open legend). */
  readonly width: number;
  readonly height: number;
  /** The nodes' places in layout units (top-left corners, as the store keeps them). */
  readonly positions: Readonly<Record<string, XY>>;
  readonly minFontPx: number;
  /**
   * Each card's width on a candidate stage, widened for its words as they read now (messageLook.ts's
   * cardWidthFor): on a tall stage, the quarter-turned layout is chosen when the upright one would make
   * those cards overlap or run off the canvas and the turned one does less so.
   */
  readonly widthsFor?: (stage: Stage) => Readonly<Record<string, number>>;
}

export interface Stage {
  /** Stretch of layout units per axis: a display centre is (centre − origin) × scale. */
  readonly scaleX: number;
  readonly scaleY: number;
  readonly origin: XY;
  /** A card's height in pixels at zoom 1 (a circle's diameter). */
  readonly card: number;
  /** Its width: the same for a circle, wider for an oval. */
  readonly cardWidth: number;
  /** The role and badge text size, in pixels at zoom 1. */
  readonly font: number;
  readonly words: Words;
  /**
   * The layout is drawn a quarter turn round (its x axis downwards): on a stage taller than wide (a phone
   * held upright) a cluster laid out side by side then stacks, and its cards keep their words.
   */
  readonly turned?: boolean;
}

export const IDENTITY_STAGE: Stage = {
  scaleX: 1,
  scaleY: 1,
  origin: { x: 0, y: 0 },
  card: NODE_SIZE,
  cardWidth: NODE_SIZE,
  font: NODE_SIZE * FULL_RATIO,
  words: 'full',
};

/** A layout-unit offset from the cluster's centre, a quarter turn round when the stage is turned. */
function turn(d: XY, turned: boolean | undefined): XY {
  return turned ? { x: -d.y, y: d.x } : d;
}

/** The inverse of `turn`. */
function unturn(d: XY, turned: boolean | undefined): XY {
  return turned ? { x: d.y, y: -d.x } : d;
}

const WORDS_RANK: Readonly<Record<Words, number>> = { full: 3, brief: 2, bare: 1, line: 0 };

/**
 * The smallest text size that reads from the back of a room: the screen's shorter side sets it, per view (a
 * projector's height; a phone held upright, whose width is what its cards must share, reads at arm's length).
 */
export function minimumFont(
  view: 'workbench' | 'presenter' | 'player',
  screen: { height: number; width?: number },
): number {
  const side = Math.min(screen.height, screen.width ?? screen.height);
  switch (view) {
    case 'presenter':
      return Math.max(20, Math.ceil(side / 36));
    case 'player':
      return Math.max(12, Math.ceil(side / 30));
    case 'workbench':
      return Math.max(16, Math.ceil(side / 45));
    default:
      return view satisfies never;
  }
}

/** The words and text size a card of a given height shows at one level of the solver. */
type Level = (card: number) => { readonly words: Words; readonly font: number };

export function solveStage(input: StageInput): Stage {
  const { width, height, positions } = input;
  const centres = Object.values(positions).map(centerOf);
  if (centres.length === 0 || width <= 0 || height <= 0) return IDENTITY_STAGE;
  return pulledIn(oriented(input, centres), input);
}

/**
 * Cards widened for their words may run past the canvas's sides: the cluster is drawn closer together
 * along that axis until every card is inside, where that clashes less than leaving them cut.
 */
function pulledIn(stage: Stage, input: StageInput): Stage {
  if (!input.widthsFor) return stage;
  const widths = input.widthsFor(stage);
  let [fx, fy] = [1, 1];
  for (const [id, p] of Object.entries(input.positions)) {
    const c = toDisplay(stage, p);
    const a = (widths[id] ?? stage.cardWidth) / 2;
    const b = stage.card / 2;
    if (Math.abs(c.x) > 0.5) fx = Math.min(fx, (input.width / 2 - PAD / 2 - a) / Math.abs(c.x));
    if (Math.abs(c.y) > 0.5) fy = Math.min(fy, (input.height / 2 - PAD / 2 - b) / Math.abs(c.y));
  }
  if (fx >= 1 && fy >= 1) return stage;
  const pulled = { ...stage, scaleX: stage.scaleX * Math.max(0.5, fx), scaleY: stage.scaleY * Math.max(0.5, fy) };
  return clashOf(pulled, input) < clashOf(stage, input) ? pulled : stage;
}

/** The stage upright, or a quarter turn round on a tall canvas where that suits its cards better. */
function oriented(input: StageInput, centres: readonly XY[]): Stage {
  const { width, height } = input;
  const upright = solveOriented(input, centres, false);
  if (height <= width) return upright;
  // A tall stage: the cluster a quarter turn round, when its cards then clash less, or show more or larger words.
  const turned = solveOriented(input, centres, true);
  const clashes = (stage: Stage) => (input.widthsFor ? clashOf(stage, input) : 0);
  const [a, b] = [clashes(upright), clashes(turned)];
  if (a > 0 || b > 0) return b < a ? turned : upright;
  const better =
    WORDS_RANK[turned.words] - WORDS_RANK[upright.words] || turned.font - upright.font || turned.card - upright.card;
  return better > 0 ? turned : upright;
}

/**
 * How badly the cards, at their drawn widths, overlap one another or run off the canvas on `stage`: the sum
 * of each overlap (as a share of the distance that would clear it) and each overrun (as a share of the card).
 */
export function clashOf(stage: Stage, { width, height, positions, widthsFor }: StageInput): number {
  const widths = widthsFor?.(stage) ?? {};
  const cards = Object.entries(positions).map(([id, p]) => ({
    c: toDisplay(stage, p),
    a: (widths[id] ?? stage.cardWidth) / 2,
    b: stage.card / 2,
  }));
  let clash = 0;
  for (const [i, p] of cards.entries()) {
    clash += Math.max(0, (Math.abs(p.c.x) + p.a - width / 2) / (2 * p.a));
    clash += Math.max(0, (Math.abs(p.c.y) + p.b - height / 2) / (2 * p.b));
    for (const q of cards.slice(i + 1)) {
      const apart = Math.hypot((p.c.x - q.c.x) / (p.a + q.a), (p.c.y - q.c.y) / (p.b + q.b));
      clash += Math.max(0, 1 - apart);
    }
  }
  return clash;
}

function solveOriented({ width, height, minFontPx }: StageInput, laidOut: readonly XY[], turned: boolean): Stage {
  const xs = laidOut.map((c) => c.x);
  const ys = laidOut.map((c) => c.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const origin = { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
  const centres = laidOut.map((c) => turn({ x: c.x - origin.x, y: c.y - origin.y }, turned));
  const span = turned ? { x: y1 - y0, y: x1 - x0 } : { x: x1 - x0, y: y1 - y0 };
  const room = { x: width - 2 * PAD, y: height - 2 * PAD };

  const stretch = (card: number, aspect: number): { sx: number; sy: number } | null => {
    const free = { x: room.x - card * aspect * RING, y: room.y - card * RING };
    if (free.x <= 0 || free.y <= 0) return null;
    let sx = span.x > 0 ? free.x / span.x : Number.POSITIVE_INFINITY;
    let sy = span.y > 0 ? free.y / span.y : Number.POSITIVE_INFINITY;
    if (!Number.isFinite(sx) && !Number.isFinite(sy)) return { sx: 1, sy: 1 };
    if (!Number.isFinite(sx)) sx = sy;
    if (!Number.isFinite(sy)) sy = sx;
    sx = Math.min(sx, sy * MAX_ASPECT);
    sy = Math.min(sy, sx * MAX_ASPECT);
    return { sx, sy };
  };
  // Cards as ovals `aspect` times as wide as tall, measured so that two never come closer than SPACING.
  const fits = (card: number, aspect: number): boolean => {
    const s = stretch(card, aspect);
    return s !== null && closest(centres, s.sx / aspect, s.sy) >= card * SPACING;
  };
  const largest = (aspect: number): number => {
    let lo = 0;
    let hi = (minFontPx * MAX_GROWTH) / FULL_RATIO;
    if (fits(hi, aspect)) return hi;
    for (let i = 0; i < 24; i++) {
      const mid = (lo + hi) / 2;
      [lo, hi] = fits(mid, aspect) ? [mid, hi] : [lo, mid];
    }
    return Math.max(24, Math.floor(lo));
  };
  const solved = (card: number, aspect: number, level: Level): Stage => {
    const { sx, sy } = stretch(card, aspect) ?? { sx: 0.2, sy: 0.2 };
    const stage = { scaleX: sx, scaleY: sy, origin, card, cardWidth: Math.floor(card * aspect), ...level(card) };
    return turned ? { ...stage, turned } : stage;
  };

  const full: Level = (card) => ({ words: 'full', font: Math.round(card * FULL_RATIO * 10) / 10 });
  const round = Math.floor(largest(1));
  if (round * FULL_RATIO >= minFontPx) return solved(round, 1, full);
  // The widest oval, `card` tall, from `aspect` up to `most` times as wide, that keeps the cards apart.
  const widest = (card: number, aspect: number, most: number): number => {
    if (!fits(card, aspect)) return aspect;
    let [lo, hi] = [aspect, most];
    if (fits(card, hi)) return hi;
    for (let i = 0; i < 16; i++) {
      const mid = (lo + hi) / 2;
      [lo, hi] = fits(card, mid) ? [mid, hi] : [lo, mid];
    }
    return lo;
  };
  // Too small for every word at the minimum: the note goes, the size stays, and the card widens.
  const brief: Level = () => ({ words: 'brief', font: minFontPx });
  const card = Math.floor(largest(WIDE));
  if (card >= minFontPx * THREE_LINES) return solved(card, widest(card, WIDE, WIDEST.brief), brief);
  // Two lines that would not fit inside the oval even at the floor size: one line, at the floor size.
  const bare: Level = (c) =>
    twoLinesFit(c, minFontPx)
      ? { words: 'bare', font: bareFont(c, minFontPx) }
      : { words: 'line', font: Math.min(minFontPx, FLOOR_FONT) };
  const low = Math.floor(largest(WIDER));
  return solved(low, widest(low, WIDER, WIDEST[bare(low).words as 'bare' | 'line']), bare);
}

/** Whether two lines of words fit inside a `card` px oval at no less than the floor size. */
function twoLinesFit(card: number, minFontPx: number): boolean {
  return (BARE_REACH * (card / 2 - borderOf(card))) / LINE_HEIGHT >= Math.min(minFontPx, FLOOR_FONT);
}

/**
 * A bare card's text size: the minimum, or smaller where its two lines would not fit inside the oval (each
 * line reaches LINE_HEIGHT × font from the centre), never below FLOOR_FONT (or the minimum, if lower).
 */
export function bareFont(card: number, minFontPx: number): number {
  const inner = card / 2 - borderOf(card);
  const fit = Math.floor(((BARE_REACH * inner) / LINE_HEIGHT) * 10) / 10;
  return Math.max(Math.min(minFontPx, FLOOR_FONT), Math.min(minFontPx, fit));
}

/** Where a node's card centre is drawn, in pixels at zoom 1, the cluster centred on (0, 0). */
export function toDisplay(stage: Stage, position: XY): XY {
  const c = centerOf(position);
  const d = turn({ x: c.x - stage.origin.x, y: c.y - stage.origin.y }, stage.turned);
  return { x: d.x * stage.scaleX, y: d.y * stage.scaleY };
}

/** The layout-unit position (top-left, as the store keeps it) of a card drawn centred at `centre`. */
export function fromDisplay(stage: Stage, centre: XY): XY {
  const d = unturn({ x: centre.x / stage.scaleX, y: centre.y / stage.scaleY }, stage.turned);
  return { x: d.x + stage.origin.x - NODE_SIZE / 2, y: d.y + stage.origin.y - NODE_SIZE / 2 };
}

/** The semi-axes of a card's oval: where messages leave it and arrive. */
export function rimOf(stage: Stage): XY {
  return { x: stage.cardWidth / 2, y: stage.card / 2 };
}

/** Every node's drawn centre, for the message layer and the links. */
export function displayCentres(stage: Stage, positions: Readonly<Record<string, XY>>): Record<string, XY> {
  const out: Record<string, XY> = {};
  for (const [id, p] of Object.entries(positions)) out[id] = toDisplay(stage, p);
  return out;
}

function closest(centres: readonly XY[], sx: number, sy: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < centres.length; i++) {
    for (let j = i + 1; j < centres.length; j++) {
      const a = centres[i] as XY;
      const b = centres[j] as XY;
      best = Math.min(best, Math.hypot((a.x - b.x) * sx, (a.y - b.y) * sy));
    }
  }
  return best;
}
