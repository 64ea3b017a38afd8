import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

/**
 * A 64-node cluster draws its 2,016 links as one layer and its timer rings on one canvas (LinkLayer.tsx,
 * RingCanvas.tsx), not as an SVG each; a click on a line still cuts the nearest link.
 */
const cluster = {
  format: 'netsplit-scenario',
  version: 1,
  protocol: 'raft',
  title: 'Sixty-four servers',
  seed: 1,
  nodes: 64,
  events: [],
};

test('a 64-node cluster draws its links in one layer, and a click on a line cuts a link', async ({ page }) => {
  await openApp(page, { paused: '' });
  await page.evaluate(
    (file) =>
      (window as unknown as { __netsplit: { load(f: unknown, o: unknown): Promise<void> } }).__netsplit.load(file, {
        runUntil: 400,
      }),
    cluster,
  );
  await expect(page.locator('[data-node-role]')).toHaveCount(64);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await expect(page.locator('.link-layer')).toHaveCount(1);
  await expect(page.locator('.ring-canvas')).toHaveCount(1);
  await expect(page.locator('.timer-ring')).toHaveCount(0);

  // A point a third of the way from n1's card to n17's lies on their link (and perhaps near others).
  const centre = async (id: string) => {
    const box = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
    if (!box) throw new Error(`no card for ${id}`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const a = await centre('n1');
  const b = await centre('n17');
  await page.mouse.click(a.x + (b.x - a.x) * 0.45, a.y + (b.y - a.y) * 0.45);
  await expect(page.getByText(/^Cut:/)).toBeVisible();
  await expect(page.locator('.link-layer .link-cut')).toHaveCount(1);
});
