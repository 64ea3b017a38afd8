import { expect, type Page, test } from '@playwright/test';
import { openApp, openTab, playUntilViolation, waitForLeader } from './helpers';

/**
 * The main states at a projector's 1280x720 and at 1920x1080, for people to look at
 * (test-results/screens/). `README_SCREENSHOT=1` also writes docs/screenshot.png.
 */
const sizes = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

async function shot(page: Page, name: string): Promise<void> {
  const { width } = page.viewportSize() ?? { width: 0 };
  await page.screenshot({ path: `test-results/screens/${name}-${width}.png` });
}

for (const size of sizes) {
  test(`main states render at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page, { speed: 0.05 });
    await waitForLeader(page);
    await expect(page.getByRole('button', { name: /^Message \d+: / }).first()).toBeVisible();
    await shot(page, '1-election');
    if (size.width === 1920 && process.env.README_SCREENSHOT) await page.screenshot({ path: 'docs/screenshot.png' });

    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Actions for n2' }).click();
    await shot(page, '2-node-menu');
    await page.keyboard.press('Escape');

    await openTab(page, 'Faults');
    await page.getByRole('button', { name: 'Split majority | minority' }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('textbox', { name: 'Command' }).fill('x=42');
    await page.getByRole('button', { name: 'Send client request' }).click();
    await page.waitForTimeout(3000);
    await shot(page, '3-partition');

    await openTab(page, 'Run');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: 'Real time' });
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('raft/figure-8-bug');
    await playUntilViolation(page);
    await shot(page, '4-violation');

    await page.getByRole('combobox', { name: 'Protocol' }).selectOption({ label: 'Two-phase commit' });
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('2pc/coordinator-crash-blocks');
    await expect(page.getByText(/^Paused: n2 has voted yes/)).toBeVisible({ timeout: 15_000 });
    await shot(page, '5-2pc-blocked');
  });
}
