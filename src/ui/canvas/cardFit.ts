import { badgeText, type NodeLook, roleGlyph } from '../faces';
import { textWidth } from './measure';
import type { Stage } from './stage';

/**
 * Where a card's words sit inside its oval (nodes.css): the lines each word level shows, top to bottom, and
 * the width an oval needs so that every line, at its distance from the centre, lies inside the ellipse's
 * inner edge. A line of width w whose far edge is dy from the centre fits an ellipse of inner semi-axes
 * (a, b) when (w/2)²/a² + dy²/b² ≤ 1, so a ≥ (w/2) / √(1 − (dy/b)²).
 */

/** nodes.css `.node-face` line-height. */
export const LINE_HEIGHT = 1.15;

/** One line of words: its text, its size in em of the stage's font, and its weight. */
export interface CardLine {
  readonly text: string;
  readonly em: number;
  readonly weight: number;
}

/** nodes.css `.node-card` border: max(3px, 3.3% of the card's height). */
export function borderOf(card: number): number {
  return Math.max(3, card * 0.033);
}

/** The lines a card shows at the stage's word level (nodes.css: the note only with every word, `bare` two, `line` one). */
export function cardLines(stage: Pick<Stage, 'words'>, id: string, look: NodeLook, isUp: boolean): CardLine[] {
  const glyph = roleGlyph(look, isUp);
  const role: CardLine = { text: glyph ? `${glyph} ${look.role.word}` : look.role.word, em: 1, weight: 700 };
  const badge = look.badge ? `${look.badge.mark ? `${look.badge.mark} ` : ''}${badgeText(look.badge)}` : '';
  const badgeWeight = look.badge?.color ? 700 : 400;
  switch (stage.words) {
    case 'line':
      // Every word on one line (nodes.css: a row, 0.3em apart).
      return [{ text: [id, role.text, badge].filter((t) => t !== '').join('\u2002'), em: 1, weight: 700 }];
    case 'bare':
      // The role, then the id beside the badge (nodes.css: a row that wraps, 0.3em apart).
      return [role, { text: badge ? `${id}\u2002${badge}` : id, em: 1, weight: 700 }];
    case 'brief':
      return [
        { text: id, em: 1.3, weight: 700 },
        role,
        ...(badge ? [{ text: badge, em: 1, weight: badgeWeight }] : []),
      ];
    case 'full':
      return [
        { text: id, em: 1.56, weight: 700 },
        role,
        ...(badge ? [{ text: badge, em: 1, weight: badgeWeight }] : []),
        ...(look.note ? [{ text: look.note, em: 0.81, weight: 700 }] : []),
      ];
    default:
      return stage.words satisfies never;
  }
}

/** The height of a card's lines at `font` px. */
export function linesHeight(lines: readonly CardLine[], font: number): number {
  return lines.reduce((h, l) => h + l.em * font * LINE_HEIGHT, 0);
}

/**
 * The narrowest oval, `card` px tall, whose inner edge holds every line centred at `font` px (a little room
 * each side); null when the lines are taller than the oval (no width holds them).
 */
export function ovalWidthFor(lines: readonly CardLine[], card: number, font: number): number | null {
  const border = borderOf(card);
  const b = card / 2 - border;
  let top = -linesHeight(lines, font) / 2;
  let a = 0;
  for (const line of lines) {
    const height = line.em * font * LINE_HEIGHT;
    const dy = Math.max(Math.abs(top), Math.abs(top + height));
    top += height;
    if (dy >= b) return null;
    const half = (textWidth(line.text, line.em * font, line.weight) + font * 0.4) / 2;
    a = Math.max(a, half / Math.sqrt(1 - (dy / b) ** 2));
  }
  return Math.ceil(2 * (a + border));
}
