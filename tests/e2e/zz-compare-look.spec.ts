import { expect, test } from '@playwright/test';

const sizes = [
  [1280, 720],
  [1920, 1080],
  [390, 844],
] as const;

for (const [width, height] of sizes) {
  test(`look ${width}x${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/?preset=raft/disruptive-rejoin&compare=raft/prevote-rejoin&speed=1');
    await expect(page.getByText(/^Paused: /).first()).toBeVisible({ timeout: 30_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/compare-look/${width}x${height}.png` });
    if (width === 1280) {
      await page.goto('/?embed&preset=raft/disruptive-rejoin&compare=raft/prevote-rejoin&autoplay&speed=1');
      await page.setViewportSize({ width: 800, height: 500 });
      await expect(page.getByText(/^Paused: /).first()).toBeVisible({ timeout: 30_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: '/tmp/compare-look/embed-800x500.png' });
    }
  });
}
