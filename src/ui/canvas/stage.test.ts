import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { circleLayout, gridLayout } from '../../app/layout';
import { borderOf, LINE_HEIGHT } from './cardFit';
import {
  bareFont,
  clashOf,
  displayCentres,
  FLOOR_FONT,
  fromDisplay,
  minimumFont,
  RING,
  solveStage,
  toDisplay,
} from './stage';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `n${i + 1}`);

describe('the stage: the cluster fitted to the canvas with legible words', () => {
  it('asks for the back row’s sizes: 16 px in the workbench, 20 to 30 in presenter mode, 12 in a small player', () => {
    expect(minimumFont('workbench', { height: 720 })).toBe(16);
    expect(minimumFont('presenter', { height: 720 })).toBe(20);
    expect(minimumFont('presenter', { height: 1080 })).toBeGreaterThanOrEqual(28);
    expect(minimumFont('player', { height: 320 })).toBe(12);
  });

  it('shows every word on a roomy stage, and fewer words (never smaller ones) on a small one', () => {
    const positions = circleLayout(ids(5));
    const roomy = solveStage({ width: 1920, height: 680, positions, minFontPx: 30 });
    expect(roomy.words).toBe('full');
    expect(roomy.font).toBeGreaterThanOrEqual(30);
    const small = solveStage({ width: 480, height: 160, positions, minFontPx: 12 });
    expect(small.words).not.toBe('full');
    expect(small.font).toBe(12);
    expect(small.cardWidth).toBeGreaterThan(small.card);
  });

  it('keeps the text at the minimum (bare words: inside the oval, not below 12 px), the cards apart and the cluster on the canvas, for any stage and cluster', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 320, max: 2400 }),
        fc.integer({ min: 150, max: 1200 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 12, max: 36 }),
        fc.boolean(),
        (width, height, n, minFontPx, isGrid) => {
          const positions = (isGrid ? gridLayout : circleLayout)(ids(n));
          const stage = solveStage({ width, height, positions, minFontPx });
          if (stage.words === 'bare') {
            expect(stage.font).toBeGreaterThanOrEqual(Math.min(minFontPx, FLOOR_FONT));
            expect(stage.font).toBeLessThanOrEqual(minFontPx);
            // Shrunk only as far as its two lines fit inside the oval's inner edge.
            if (stage.font < minFontPx)
              expect(LINE_HEIGHT * (stage.font + 0.1)).toBeGreaterThan(0.8 * (stage.card / 2 - borderOf(stage.card)));
          } else if (stage.words === 'line') {
            // Too short for two lines even at 12 px: one line at 12 px (or the view's lower minimum).
            expect(stage.font).toBe(Math.min(minFontPx, FLOOR_FONT));
            expect(LINE_HEIGHT * FLOOR_FONT).toBeGreaterThan(0.8 * (stage.card / 2 - borderOf(stage.card)));
          } else {
            expect(stage.font).toBeGreaterThanOrEqual(minFontPx);
          }
          const centres = Object.values(displayCentres(stage, positions));
          const fits = stage.card * RING <= height && stage.cardWidth * RING <= width;
          for (const c of centres) {
            if (!fits) continue;
            expect(Math.abs(c.x) + (stage.cardWidth * RING) / 2).toBeLessThanOrEqual(width / 2 + 0.5);
            expect(Math.abs(c.y) + (stage.card * RING) / 2).toBeLessThanOrEqual(height / 2 + 0.5);
          }
          // Two cards' ovals never overlap, wherever the stage could fit them.
          if (stage.card > 24) {
            centres.forEach((a, i) => {
              for (const b of centres.slice(i + 1)) {
                const d = Math.hypot((a.x - b.x) / stage.cardWidth, (a.y - b.y) / stage.card);
                expect(d).toBeGreaterThanOrEqual(1);
              }
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('shrinks bare words only where two lines would not fit the oval, never below 12 px', () => {
    // 16 px lines reach 18.4 px from the centre: a 60 px oval (27 px inside its border) holds them at 80 %...
    expect(bareFont(60, 16)).toBe(16);
    // ...a 42 px one (18 px inside) does not: its words shrink to 12.5 px, and on a 30 px one stop at 12.
    expect(bareFont(42, 16)).toBe(12.5);
    expect(bareFont(30, 16)).toBe(12);
    // A view whose minimum is below 12 keeps its own.
    expect(bareFont(30, 11)).toBe(11);
  });

  it('gives a 25-node grid on a short, wide workbench canvas wide ovals and words that fit them', () => {
    const grid = gridLayout(ids(25));
    const stage = solveStage({ width: 900, height: 300, positions: grid, minFontPx: 16 });
    expect(stage.words).toBe('bare');
    expect(stage.font).toBeGreaterThanOrEqual(12);
    expect(stage.font).toBeLessThan(16);
    // The stage has room beside the cards: wider than the narrowest bare oval (1.75 times its height).
    expect(stage.cardWidth).toBeGreaterThan(stage.card * 1.75);
    // The workbench's canvas at 1280x720 (960x247 px): 34 px ovals, every word on one line at 12 px.
    const short = solveStage({ width: 960, height: 247, positions: grid, minFontPx: 16 });
    expect(short).toMatchObject({ card: 34, words: 'line', font: 12 });
    expect(short.cardWidth).toBeGreaterThan(short.card * 3);
  });

  it('maps a dragged card back to the place the store keeps, and back again', () => {
    const positions = circleLayout(ids(5));
    const stage = solveStage({ width: 900, height: 400, positions, minFontPx: 16 });
    const shown = toDisplay(stage, { x: 40, y: -70 });
    const back = fromDisplay(stage, shown);
    expect(back.x).toBeCloseTo(40);
    expect(back.y).toBeCloseTo(-70);
  });
});

describe('the stage on a phone held upright', () => {
  const positions = circleLayout(ids(5));
  // Cards whose words make them 1.7 times as wide as tall (a Paxos acceptor's `promised —`).
  const widthsFor = (stage: { card: number }) => Object.fromEntries(ids(5).map((id) => [id, stage.card * 1.7]));

  it('turns a five-node circle a quarter round when its wide cards would otherwise overlap', () => {
    const input = { width: 390, height: 430, positions, minFontPx: 16, widthsFor };
    const stage = solveStage(input);
    expect(stage.turned).toBe(true);
    expect(clashOf(stage, input)).toBe(0);
    const upright = solveStage({ ...input, widthsFor: undefined, height: 380 });
    expect(upright.turned).toBeUndefined();
  });

  it('draws a turned stage and reads a drag back through the same quarter turn', () => {
    const stage = solveStage({ width: 390, height: 430, positions, minFontPx: 16, widthsFor });
    for (const p of Object.values(positions)) {
      const back = fromDisplay(stage, toDisplay(stage, p));
      expect(back.x).toBeCloseTo(p.x, 6);
      expect(back.y).toBeCloseTo(p.y, 6);
    }
  });

  it('never turns a wide stage, and reads the minimum text size off the shorter side of the screen', () => {
    expect(solveStage({ width: 1280, height: 500, positions, minFontPx: 16, widthsFor }).turned).toBeUndefined();
    expect(minimumFont('workbench', { height: 844, width: 390 })).toBe(16);
    expect(minimumFont('workbench', { height: 1080, width: 1920 })).toBe(24);
  });
});
