import { expect, type FrameLocator, type Page, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openApp, openSlides } from './helpers';

/** Where the screens go: test-results/screens, or SCREENS_DIR (a folder no other test run clears). */
const SCREENS = process.env.SCREENS_DIR ?? 'test-results/screens';

const clockOf = (where: Page | FrameLocator) => where.getByRole('status', { name: 'Simulated time' });

test('an embed URL inside an iframe of a test page autoplays, stops at a pause event and resumes from the keyboard', async ({
  page,
}) => {
  const player = await openSlides(page, 'embed&autoplay&preset=raft/lecture&speed=1&t=0.5');
  // It starts at 0.5 s, plays by itself and stops at the pause point at 1.1 s with its question.
  await expect(player.getByText(/^Paused: Is x=1 safe now/)).toBeVisible({ timeout: 15_000 });
  await expect(clockOf(player)).toHaveText('t = 1.10 s');
  await expect(player.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

  // The viewer clicks into the player (an empty corner of the canvas), then presses the clicker's key.
  await player.getByRole('application', { name: 'Cluster canvas' }).click({ position: { x: 12, y: 12 } });
  await page.keyboard.press('PageDown');
  await expect(player.getByText(/^Paused: Is x=1 safe now/)).toHaveCount(0);
  await expect(clockOf(player)).not.toHaveText('t = 1.10 s');
  // It plays on to the next pause point and stops there by itself.
  await expect(player.getByText(/^Paused: Which rule stops a server/)).toBeVisible({ timeout: 15_000 });
  await expect(clockOf(player)).toHaveText('t = 2.60 s');

  // Space plays on as well.
  await page.keyboard.press('Space');
  await expect(player.getByText(/^Paused: What will the three servers/)).toBeVisible({ timeout: 15_000 });

  // "Open in netsplit" leads to the full app on the same scenario.
  const open = player.getByRole('link', { name: 'Open in netsplit' });
  await expect(open).toHaveAttribute('href', /\?preset=raft%2Flecture$/);
  await expect(open).toHaveAttribute('target', '_blank');
});

test('the embedded player does not steal focus from the page', async ({ page }) => {
  const player = await openSlides(page, 'embed&autoplay&preset=raft/lecture&speed=1&t=0.5');
  await expect(player.getByText(/^Paused: Is x=1 safe now/)).toBeVisible({ timeout: 15_000 });
  // Loaded, played and stopped: the slide's own button still has the focus, not the iframe.
  await expect(page.getByRole('button', { name: 'Next slide' })).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
  // Keys meant for the slide do not reach the player.
  await page.keyboard.press('PageDown');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  await expect(clockOf(player)).toHaveText('t = 1.10 s');
  await expect(player.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('presenter mode hides the chrome', async ({ page }) => {
  await openApp(page, { preset: 'raft/lecture', speed: 0.05 });
  await expect(page.getByRole('tab', { name: 'Inspect' })).toBeVisible();
  await page.getByRole('button', { name: 'Presenter mode' }).click();

  // No side panel, no tabs, no toolbar of the workbench; the cluster and the words remain.
  await expect(page.getByRole('application', { name: 'Cluster canvas' })).toBeVisible();
  await expect(page.getByRole('tab')).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Tools' })).toHaveCount(0);
  await expect(page.getByRole('toolbar', { name: 'Playback' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Library' })).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]present(&|$)/);

  // The caption band is large: readable from the back of a hall.
  const caption = page.getByText(/^Five servers, all followers/);
  await expect(caption).toBeVisible();
  const size = await caption.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(26);
  await expect(page.getByText(/^Paused: Which server will time out first/)).toBeVisible();

  // The controls fade when the mouse rests, and come back by keyboard.
  const controls = page.getByRole('toolbar', { name: 'Presenter controls' });
  await expect(controls.locator('..')).toHaveCSS('opacity', '0', { timeout: 6_000 });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Previous pause point' })).toBeFocused();
  await expect(controls.locator('..')).toHaveCSS('opacity', '1');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();

  // Esc leaves it; P comes back; the address follows.
  await page.locator('body').press('Escape');
  await expect(page.getByRole('tab', { name: 'Inspect' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toBeFocused();
  await expect(page).not.toHaveURL(/[?&]present(&|$)/);
  await page.locator('body').press('p');
  await expect(page.getByRole('tab')).toHaveCount(0);
  await page.locator('body').press('Escape');
  await expect(page.getByRole('tab', { name: 'Inspect' })).toBeVisible();
});

test('next/previous jump between pause points', async ({ page }) => {
  // Slow enough that a run set playing is still playing when the next key comes.
  await openApp(page, { preset: 'raft/lecture', speed: 0.02 });
  const body = page.locator('body');
  await expect(page.getByText(/^Paused: Which server will time out first/)).toBeVisible();

  // Next on a stopped run plays on; next while it plays jumps to the next pause point.
  await body.press('PageDown');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await body.press('PageDown');
  await expect(page.getByText(/^Paused: Why does a majority guarantee/)).toBeVisible();
  await expect(clockOf(page)).toHaveText('t = 0.40 s');
  await body.press('PageDown');
  await body.press('PageDown');
  await expect(page.getByText(/^Paused: Is x=1 safe now/)).toBeVisible();
  await expect(clockOf(page)).toHaveText('t = 1.10 s');

  // Previous goes back one pause point at a time, paused there with its question.
  await body.press('PageUp');
  await expect(page.getByText(/^Paused: Why does a majority guarantee/)).toBeVisible();
  await expect(clockOf(page)).toHaveText('t = 0.40 s');
  await body.press('PageUp');
  await expect(page.getByText(/^Paused: Which server will time out first/)).toBeVisible();
  await expect(clockOf(page)).toHaveText('t = 0.00 s');

  // In presenter mode the arrows do the same (in the workbench they step one event).
  await body.press('p');
  await body.press('ArrowRight');
  await body.press('ArrowRight');
  await expect(page.getByText(/^Paused: Why does a majority guarantee/)).toBeVisible();
  await body.press('ArrowLeft');
  await expect(page.getByText(/^Paused: Which server will time out first/)).toBeVisible();
  await expect(page.getByText('pause point 1 of 6')).toBeAttached();
});

test('? opens the keyboard help', async ({ page }) => {
  await openApp(page, { paused: '' });
  const library = page.getByRole('button', { name: 'Library' });
  await library.focus();
  await page.keyboard.press('Shift+Slash');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const group of ['Playback', 'Time travel', 'Lecture', 'Faults', 'Canvas'])
    await expect(help.getByRole('heading', { name: group })).toBeVisible();
  await expect(help.getByText(/^previous \/ next pause point, like/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(library).toBeFocused();
  // Closing it did not touch the run or the layout.
  await expect(page.getByRole('tab', { name: 'Inspect' })).toBeVisible();
});

test('axe finds no serious or critical problems in presenter mode and in the embedded player', async ({ page }) => {
  await openApp(page, { preset: 'raft/lecture', speed: 0.05, present: '' });
  await expect(page.getByText(/^Paused: Which server/)).toBeVisible();
  await page.keyboard.press('Tab'); // the controls show
  await expectNoSeriousViolations(page, 'presenter mode, stopped at a pause point');
  await page.keyboard.press('Shift+Slash');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectNoSeriousViolations(page, 'keyboard help');

  await page.setViewportSize({ width: 480, height: 320 });
  await page.goto('/?embed&preset=raft/lecture&panels=caption,controls,timeline,invariants');
  await expect(page.getByText(/^Paused: Which server/)).toBeVisible();
  await expectNoSeriousViolations(page, 'embedded player, 480x320');
});

/** For people to judge (test-results/screens/, never committed): a slide's player and a projector's hall. */
for (const size of [
  { width: 480, height: 320 },
  { width: 1280, height: 720 },
]) {
  test(`the embedded player renders at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/?embed&autoplay&preset=raft/lecture&speed=1&t=0.5');
    await expect(page.getByText(/^Paused: Is x=1 safe now/)).toBeVisible({ timeout: 15_000 });
    await page.screenshot({ path: `${SCREENS}/lecture-embed-${size.width}x${size.height}.png` });
  });
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`presenter mode renders at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page, { preset: 'raft/lecture', speed: 1, present: '' });
    await page.locator('body').press('PageDown');
    await expect(page.getByText(/^Paused: Why does a majority/)).toBeVisible({ timeout: 15_000 });
    await page.mouse.move(size.width / 2, size.height / 2);
    await page.screenshot({ path: `${SCREENS}/lecture-presenter-${size.width}x${size.height}.png` });
  });
}
