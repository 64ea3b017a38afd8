import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { openApp, openTab, playUntilViolation, waitForLeader } from './helpers';

/**
 * The cluster reads from the back of a lecture hall and stays calm: node words at least a minimum size on
 * screen (computed font size × the canvas's zoom), and message labels that never cover a node's role or
 * badge, nor each other. Screens go to test-results/screens for a person to judge.
 */

const SCREENS = process.env.SCREENS_DIR ?? 'test-results/screens';

const clock = (page: Page) => page.getByRole('status', { name: 'Simulated time' });

/** A preset's pause points as the clock shows them (`0.40`), read from its file so a moved pause moves here too. */
function pausesOf(protocol: string, name: string): string[] {
  const file = new URL(`../../src/protocols/${protocol}/presets/${name}.json`, import.meta.url);
  const { events } = JSON.parse(readFileSync(file, 'utf8')) as { events: { at: number; type: string }[] };
  return events.filter((e) => e.type === 'pause').map((e) => (e.at / 1000).toFixed(2));
}

/** Every node's role and badge text size in screen pixels: computed font size × the viewport's zoom. */
async function nodeTextPx(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport') as HTMLElement;
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    return [...document.querySelectorAll('[data-node-role], [data-node-badge]')].map(
      (el) => Number.parseFloat(getComputedStyle(el).fontSize) * zoom,
    );
  });
}

async function expectNodeText(page: Page, minimum: number): Promise<void> {
  await expect(page.locator('[data-node-role]').first()).toBeVisible();
  const sizes = await nodeTextPx(page);
  expect(sizes.length).toBeGreaterThanOrEqual(10);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(minimum);
}

/** Where a label covers a node's role or badge, or another label, in words; and how many labels show. */
async function labelClashes(page: Page): Promise<{ clashes: string[]; labels: number }> {
  return page.evaluate(() => {
    const boxes = (selector: string) =>
      [...document.querySelectorAll(selector)]
        .map((el) => ({ text: el.textContent ?? '', r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.height > 0);
    const meet = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
    const words = boxes('[data-node-role], [data-node-badge]');
    const labels = boxes('.message-label');
    const clashes: string[] = [];
    labels.forEach((label, i) => {
      for (const word of words) if (meet(label.r, word.r)) clashes.push(`"${label.text}" covers "${word.text}"`);
      for (const other of labels.slice(i + 1)) {
        if (meet(label.r, other.r)) clashes.push(`"${label.text}" overlaps "${other.text}"`);
      }
    });
    return { clashes, labels: labels.length };
  });
}

test('node words read from the back row in the workbench at 1280x720', async ({ page }) => {
  await openApp(page, { preset: 'raft/lecture' });
  await expectNodeText(page, 16);
  await page.screenshot({ path: `${SCREENS}/canvas-workbench-1280x720.png` });
});

for (const [width, height, minimum] of [
  [1920, 1080, 28],
  [1280, 720, 20],
] as const) {
  test(`node words read from the back row in presenter mode at ${width}x${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openApp(page, { preset: 'raft/lecture', speed: 1 });
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    await expect(page.getByRole('tab')).toHaveCount(0);
    await expectNodeText(page, minimum);
    // A little later, with messages in flight and a leader.
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(clock(page)).toHaveText('t = 0.40 s', { timeout: 15_000 });
    await expectNodeText(page, minimum);
    await page.screenshot({ path: `${SCREENS}/canvas-presenter-${width}x${height}.png` });
  });
}

test('a 480x320 player shows fewer words, not smaller ones', async ({ page }) => {
  await page.setViewportSize({ width: 480, height: 320 });
  await page.goto('/?embed&preset=raft/lecture&speed=1');
  await expectNodeText(page, 12);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(clock(page)).toHaveText('t = 0.40 s', { timeout: 15_000 });
  await expectNodeText(page, 12);
  await page.screenshot({ path: `${SCREENS}/canvas-player-480x320.png` });
});

test('in the lecture, no message label covers a node’s words or another label at any pause point', async ({ page }) => {
  await openApp(page, { preset: 'raft/lecture', speed: 1 });
  let seen = 0;
  const pauses = pausesOf('raft', 'lecture');
  expect(pauses.length).toBeGreaterThanOrEqual(5);
  for (const at of pauses) {
    await expect(clock(page)).toHaveText(`t = ${at} s`, { timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    const { clashes, labels } = await labelClashes(page);
    expect(clashes, `at t = ${at} s`).toEqual([]);
    seen += labels;
    if (at === '0.40') await page.screenshot({ path: `${SCREENS}/canvas-lecture-0.40s.png` });
    if (at !== pauses.at(-1)) await page.getByRole('button', { name: 'Play', exact: true }).click();
  }
  expect(seen).toBeGreaterThan(0);
});

test('in Figure 8 with the bug, labels stay clear of the nodes at the pause point and at the violation', async ({
  page,
}) => {
  // It plays from the start and stops at its pause point by itself.
  await openApp(page, { preset: 'raft/figure-8-bug', speed: 1 });
  await expect(clock(page)).toHaveText('t = 0.30 s', { timeout: 15_000 });
  expect((await labelClashes(page)).clashes).toEqual([]);

  await playUntilViolation(page);
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  if (await pause.isVisible()) await pause.click();
  const { clashes } = await labelClashes(page);
  expect(clashes).toEqual([]);
  // s5's role is there to read, as every server's is.
  await expect(page.locator('[data-node-role]')).toHaveCount(5);
  await page.screenshot({ path: `${SCREENS}/canvas-figure-8-violation.png` });
});

test('the legend explains the marks, opens and closes, and never covers a node', async ({ page }) => {
  await openApp(page, { preset: 'raft/lecture' });
  const toggle = page.getByRole('button', { name: /^(Legend|Hide legend)$/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const legend = page.getByRole('definition').filter({ hasText: 'with the same label' });
  await expect(legend).toBeVisible();
  await expect(page.getByText(/^ring: /)).toBeVisible();
  await expect(page.getByText('a cut link', { exact: false })).toBeVisible();
  const covered = await page.evaluate(() => {
    const box = (document.querySelector('.canvas-legend') as HTMLElement).getBoundingClientRect();
    return [...document.querySelectorAll('.node-card')].some((card) => {
      const r = card.getBoundingClientRect();
      return r.left < box.right && box.left < r.right && r.top < box.bottom && box.top < r.bottom;
    });
  });
  expect(covered).toBe(false);
  await page.getByRole('button', { name: 'Hide legend' }).click();
  await expect(legend).toHaveCount(0);
});

test('a crashed leader reads as crashed on its card and in the Inspect panel, not as leader', async ({ page }) => {
  await openApp(page, { speed: 1 });
  const leader = await waitForLeader(page);
  const card = page.getByRole('group', { name: `Server ${leader.id}` });
  await expect(card.locator('[data-node-role]')).toHaveText(/leader$/);
  await page.getByRole('button', { name: `Actions for ${leader.id}` }).click();
  await page.getByRole('menuitem', { name: `Crash ${leader.id}` }).click();
  await expect(card.locator('[data-node-role]')).toHaveText(/crashed$/);
  await openTab(page, 'Inspect');
  const inspector = page.getByRole('tabpanel', { name: 'Inspect' });
  await expect(inspector.getByRole('definition').filter({ hasText: /^crashed/ })).toBeVisible();
  await expect(inspector.getByRole('definition').filter({ hasText: /^leader$/ })).toHaveCount(0);
});
