import { describe, expect, it } from 'vitest';
import { borderOf, cardLines, LINE_HEIGHT, linesHeight, ovalWidthFor } from './cardFit';
import { textWidth } from './measure';

const look = {
  role: { word: 'follower', color: '#0072b2', shape: 'circle' as const },
  badge: { label: 'term', value: 3 },
  note: 'voted n2',
};

describe('the words inside a card’s oval', () => {
  it('lists the lines each word level shows, top to bottom, as nodes.css lays them out', () => {
    expect(cardLines({ words: 'full' }, 'n7', look, true).map((l) => [l.text, l.em])).toEqual([
      ['n7', 1.56],
      ['● follower', 1],
      ['term 3', 1],
      ['voted n2', 0.81],
    ]);
    expect(cardLines({ words: 'brief' }, 'n7', look, true).map((l) => l.text)).toEqual(['n7', '● follower', 'term 3']);
    expect(cardLines({ words: 'line' }, 'n7', look, true).map((l) => l.text)).toEqual([
      'n7\u2002● follower\u2002term 3',
    ]);
    // Bare: the role, then the id beside the badge; a crashed node's glyph is a cross.
    expect(cardLines({ words: 'bare' }, 'n7', look, false).map((l) => l.text)).toEqual([
      '✕ follower',
      'n7\u2002term 3',
    ]);
  });

  it('widens an oval until every line, at its distance from the centre, lies inside the inner edge', () => {
    const lines = cardLines({ words: 'bare' }, 'n12', look, true);
    for (const [card, font] of [
      [42, 12.5],
      [60, 16],
      [34, 12],
    ] as const) {
      const width = ovalWidthFor(lines, card, font);
      if (width === null) throw new Error(`${card} px holds two lines at ${font} px`);
      const a = width / 2 - borderOf(card);
      const b = card / 2 - borderOf(card);
      // Both lines' far edges are one line height from the centre.
      const dy = LINE_HEIGHT * font;
      for (const line of lines) {
        const half = textWidth(line.text, font, line.weight) / 2;
        expect(half ** 2 / a ** 2 + dy ** 2 / b ** 2).toBeLessThanOrEqual(1);
      }
    }
    // The same words need a wider oval when it is shorter (its edge curves in sooner).
    expect(ovalWidthFor(lines, 42, 12) as number).toBeGreaterThan(ovalWidthFor(lines, 60, 12) as number);
  });

  it('says when no width holds the lines: they are taller than the oval', () => {
    const lines = cardLines({ words: 'bare' }, 'n1', look, true);
    expect(linesHeight(lines, 16)).toBeCloseTo(2 * 16 * LINE_HEIGHT);
    expect(ovalWidthFor(lines, 40, 16)).toBeNull();
  });
});
