import { expect, type Page, test } from '@playwright/test';
import { openApp } from './helpers';

/**
 * A 25-node cluster laid out as a grid (spec/protocols.md §1.8) stays legible in the workbench at 1280x720:
 * every node's role and badge at least 12 px on screen (computed font size × the canvas's zoom, as the canvas
 * legibility test measures), and no word clipped by its card: every line of words lies inside its card's box
 * and inside the oval's edge. The screenshot goes to test-results/screens for a person to judge.
 */

const SCREENS = process.env.SCREENS_DIR ?? 'test-results/screens';

async function nodeTextPx(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport') as HTMLElement;
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    return [...document.querySelectorAll('[data-node-role], [data-node-badge]')].map(
      (el) => Number.parseFloat(getComputedStyle(el).fontSize) * zoom,
    );
  });
}

/**
 * The words of every card that stick out of it: each text element's box (a Range over its words, so the
 * glyphs' height, not the element's) must lie inside the card's box and its corners inside the ellipse
 * through the middle of the card's border (the oval as drawn). Returns one line per word that does not.
 */
async function clippedWords(page: Page): Promise<string[]> {
  return page.locator('.node-card').evaluateAll((cards) =>
    cards.flatMap((card) => {
      const c = card.getBoundingClientRect();
      const border = Number.parseFloat(getComputedStyle(card).borderTopWidth);
      const [cx, cy] = [c.left + c.width / 2, c.top + c.height / 2];
      const [a, b] = [c.width / 2 - border / 2, c.height / 2 - border / 2];
      const words = [...card.querySelectorAll('.node-face > span')].filter((el) => el.getClientRects().length > 0);
      return words.flatMap((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const t = range.getBoundingClientRect();
        const name = `${card.querySelector('.node-id')?.textContent}: "${el.textContent}"`;
        const slack = 0.5;
        if (
          t.left < c.left - slack ||
          t.right > c.right + slack ||
          t.top < c.top - slack ||
          t.bottom > c.bottom + slack
        )
          return [`${name} runs past its card's box`];
        const corners: [number, number][] = [
          [t.left, t.top],
          [t.right, t.top],
          [t.left, t.bottom],
          [t.right, t.bottom],
        ];
        const outside = corners.some(([x, y]) => ((x - cx) / a) ** 2 + ((y - cy) / b) ** 2 > 1.0001);
        return outside ? [`${name} crosses its oval's edge`] : [];
      });
    }),
  );
}

const cluster = (nodes: number) => ({
  format: 'netsplit-scenario',
  version: 1,
  protocol: 'raft',
  title: `${nodes} servers`,
  seed: 7,
  nodes,
  until: 4000,
});

// A grid is the layout for 25 and more nodes (§1.8); a ring or circle is for the sizes a ring lesson uses.
for (const [layout, nodes, width, height] of [
  ['grid', 25, 1280, 720],
  ['grid', 25, 1920, 1080],
  ['ring', 8, 1280, 720],
  ['circle', 9, 1280, 720],
] as const) {
  test(`a ${nodes}-node cluster as a ${layout} reads at ${width}x${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openApp(page, { layout, paused: '' });
    await page.evaluate(
      (file) =>
        (window as unknown as { __netsplit: { load(f: unknown, o: unknown): Promise<void> } }).__netsplit.load(file, {
          runUntil: 1500,
        }),
      cluster(nodes),
    );
    await expect(page.locator('[data-node-role]')).toHaveCount(nodes);
    const sizes = await nodeTextPx(page);
    expect(sizes.length).toBeGreaterThanOrEqual(nodes);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    expect(await clippedWords(page)).toEqual([]);
    // No two cards overlap: each node's card box is clear of every other's.
    const boxes = await page.locator('.node-card').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { l: r.left, r: r.right, t: r.top, b: r.bottom };
      }),
    );
    const overlaps = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => Math.min(a.r, b.r) - Math.max(a.l, b.l) > 1 && Math.min(a.b, b.b) - Math.max(a.t, b.t) > 1),
    );
    expect(overlaps).toEqual([]);
    await page.screenshot({ path: `${SCREENS}/layout-${layout}-${nodes}-${width}x${height}.png` });
  });
}
