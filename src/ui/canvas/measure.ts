/**
 * Text widths as the browser draws them, for placing labels before they exist: one offscreen canvas,
 * widths cached per font and text. Outside a browser (tests) it estimates from the length.
 */

let context: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();

function contextOf(): CanvasRenderingContext2D | null {
  if (context !== undefined) return context;
  try {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  } catch {
    context = null;
  }
  return context;
}

let family: string | undefined;

function familyOf(): string {
  if (family === undefined) {
    family = typeof document === 'undefined' ? 'sans-serif' : getComputedStyle(document.body).fontFamily;
  }
  return family || 'sans-serif';
}

/** The width in pixels of `text` in the page's font at `size` pixels and `weight`. */
export function textWidth(text: string, size: number, weight = 600): number {
  const key = `${weight} ${size} ${text}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const ctx = contextOf();
  let width = text.length * size * 0.62;
  if (ctx) {
    ctx.font = `${weight} ${size}px ${familyOf()}`;
    width = ctx.measureText(text).width;
  }
  if (cache.size > 2000) cache.clear();
  cache.set(key, width);
  return width;
}
