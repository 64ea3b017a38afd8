import type { Frame } from '../../app/frame';
import type { XY } from '../../app/layout';
import { badgeText, type NodeLook, nodeLook, roleGlyph } from '../faces';
import { cardLines, ovalWidthFor } from './cardFit';
import type { Box, Circle } from './labels';
import { textWidth } from './measure';
import type { Stage } from './stage';

/** Message labels read a little smaller than the nodes' words, never below 11 px at zoom 1. */
export function labelFontOf(stage: Stage): number {
  return Math.max(11, Math.round(stage.font * 0.8));
}

/** A label's box for its words at `font` px (canvas.css: `.message-label` padding and border). */
export function labelSize(text: string, font: number): { width: number; height: number } {
  return { width: Math.ceil(textWidth(text, font) + font + 4), height: Math.ceil(font * 1.3 + 4) };
}

/** The words on a card take at most this share of its width. */
const TEXT_SHARE = 0.9;

/**
 * A card's width for its own words: the stage's, or wider for a long role or badge (`participant`,
 * `t2 collecting`), so the words stay inside their card at the stage's size instead of shrinking. On a
 * short oval (fewer words: `brief`, `bare`) the lines near its top and bottom have less room than its
 * width, so the oval widens until every line lies inside its edge (cardFit.ts), `id` on the card too.
 */
export function cardWidthFor(stage: Stage, look: NodeLook, isUp: boolean, id = ''): number {
  const role = `${roleGlyph(look, isUp)} ${look.role.word}`;
  const badge = look.badge ? `${look.badge.mark ?? ''} ${badgeText(look.badge)}` : '';
  const words = Math.max(textWidth(role, stage.font, 700), textWidth(badge, stage.font, look.badge?.color ? 700 : 400));
  const width = Math.max(stage.cardWidth, Math.ceil((words + stage.font * 0.6) / TEXT_SHARE));
  if (stage.words === 'full') return width;
  return Math.max(width, ovalWidthFor(cardLines(stage, id, look, isUp), stage.card, stage.font) ?? 0);
}

/** What labels must keep clear of: every card, and the block of its words where they run past the card. */
export function nodeObstacles(
  frame: Frame,
  centres: Readonly<Record<string, XY>>,
  stage: Stage,
): { circles: Circle[]; boxes: Box[] } {
  const circles: Circle[] = [];
  const boxes: Box[] = [];
  const lines = { full: 5, brief: 4, bare: 2.5, line: 1.5 }[stage.words];
  for (const node of frame.nodes) {
    const c = centres[node.id];
    if (!c) continue;
    const look = nodeLook(frame.protocol.face, node, frame.nodes.length);
    circles.push({ x: c.x, y: c.y, r: cardWidthFor(stage, look, node.isUp, node.id) / 2 + 2, ry: stage.card / 2 + 2 });
    const words = [look.role.word, look.badge ? badgeText(look.badge) : ''];
    const width = Math.max(...words.map((w) => textWidth(`▲ ${w}`, stage.font, 700)));
    if (width <= stage.cardWidth * 0.8) continue;
    const height = lines * stage.font * 1.15;
    boxes.push({ x: c.x - width / 2, y: c.y - height / 2, width, height });
  }
  return { circles, boxes };
}
