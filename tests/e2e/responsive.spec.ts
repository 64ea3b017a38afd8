import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import lzString from 'lz-string';
import { expectNoSeriousViolations } from './axe';
import { openApp } from './helpers';

/**
 * Each screen class the app is designed for (phone, tablet portrait, a projector's 1280x720, a large
 * screen), in each layout (workbench, presenter mode, the embedded player): nothing runs off the side,
 * the controls a person needs are on the screen, and the cluster gets the room.
 */
const screens = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'laptop', width: 1280, height: 720 },
  { name: 'large', width: 1920, height: 1080 },
] as const;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} has no box`);
  return box;
}

const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth);
}

/** The control is wholly on the screen (not off an edge, not a zero box). */
async function expectOnScreen(page: Page, locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  const box = await boxOf(locator);
  expect(box.width * box.height, `${locator} has no area`).toBeGreaterThan(0);
  expect(inside(box, { x: 0, y: 0, ...viewport }), `${locator} is off the screen: ${JSON.stringify(box)}`).toBe(true);
}

const play = (page: Page) => page.getByRole('button', { name: /^(Play|Pause)$/ });
const clock = (scope: Page | Locator) => scope.getByRole('status', { name: 'Simulated time' });

/** Where screenshots go: the docs when asked for (README_SCREENSHOT=1), otherwise with the test results. */
async function screenshot(page: Page, name: string): Promise<void> {
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  const folder = process.env.README_SCREENSHOT ? 'docs/screens' : 'test-results/screens';
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: `${folder}/${name}-${width}x${height}.png` });
}

for (const screen of screens) {
  test.describe(`${screen.name} ${screen.width}x${screen.height}`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height } });

    test('the workbench fits, gives the cluster 40 % of the screen and keeps every control reachable', async ({
      page,
    }) => {
      await openApp(page, { paused: '' });
      await expectNoSidewaysScroll(page);
      const canvas = await boxOf(page.getByRole('application', { name: 'Cluster canvas' }));
      expect(canvas.width * canvas.height).toBeGreaterThanOrEqual(0.4 * screen.width * screen.height);

      await expectOnScreen(page, play(page));
      await expectOnScreen(page, page.getByRole('button', { name: 'Step to next event' }));
      await expectOnScreen(page, clock(page).first());

      // The tools: beside the stage on a wide screen, a sheet a button opens on a small one.
      const tools = page.getByRole('button', { name: 'Tools', exact: true });
      if (await tools.isVisible()) {
        await expect(page.getByRole('tab', { name: 'Faults' })).toBeHidden();
        await tools.click();
      }
      await expectOnScreen(page, page.getByRole('tab', { name: 'Faults' }));
      await expectOnScreen(page, page.getByRole('heading', { name: 'Safety rules' }));
      await expectNoSidewaysScroll(page);
      if (await tools.isVisible()) {
        await page.getByRole('button', { name: 'Close Tools' }).click();
        await expect(page.getByRole('tab', { name: 'Faults' })).toBeHidden();
        // Closed, the sheet leaves the cluster its room again (the timeline's status line may come and go).
        const after = await boxOf(page.getByRole('application', { name: 'Cluster canvas' }));
        expect(after.width).toBe(canvas.width);
        expect(after.width * after.height).toBeGreaterThanOrEqual(0.4 * screen.width * screen.height);
      }

      // The logs and the diagram: under the timeline, or (on a phone) a sheet of their own.
      const panels = page.getByRole('button', { name: 'Logs & diagram', exact: true });
      if (await panels.isVisible()) await panels.click();
      await expectOnScreen(page, page.getByRole('region', { name: 'Logs', exact: true }).getByRole('row').first());
      await expectNoSidewaysScroll(page);
      if (await panels.isVisible()) await page.getByRole('button', { name: 'Close Logs & diagram' }).click();

      await screenshot(page, screen.name);
    });

    test('presenter mode fits and its controls are on the screen', async ({ page }) => {
      await openApp(page, { paused: '', preset: 'raft/lecture' });
      await page.getByRole('button', { name: 'Presenter mode' }).click();
      const controls = page.getByRole('toolbar', { name: 'Presenter controls' });
      await page.mouse.move(screen.width / 2, screen.height / 2);
      await expectNoSidewaysScroll(page);
      for (const name of [/^Previous/, /^(Play|Pause)$/, /^Next/, /^Leave/]) {
        await expectOnScreen(page, controls.getByRole('button', { name }));
      }
      await expectOnScreen(page, clock(controls).first());

      // The protocol's panel opens under the cluster in type that grows with the screen.
      // By keyboard: the controls fade after a still moment, and a click on a faded bar reaches the cluster.
      await controls.getByRole('button', { name: 'Logs' }).focus();
      await page.keyboard.press('Enter');
      const panel = page.getByRole('region', { name: 'Logs', exact: true });
      await expect(panel).toBeVisible();
      await expectNoSidewaysScroll(page);
      const canvas = await boxOf(page.getByRole('application', { name: 'Cluster canvas' }));
      expect(intersects(canvas, await boxOf(panel))).toBe(false);
      if (screen.width === 1920) {
        const font = await panel
          .getByRole('rowheader')
          .first()
          .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        expect(font).toBeGreaterThanOrEqual(22);
        await page.mouse.move(screen.width / 2, screen.height / 2 + 3);
        await screenshot(page, 'presenter');
      }
    });

    test('the player fits and its clock never prints over the link to the app', async ({ page }) => {
      await page.goto('/?embed&preset=raft/lecture');
      await expect(page.getByRole('application', { name: 'Cluster canvas' })).toBeVisible();
      await expectPlayerFits(page);
    });
  });
}

async function expectPlayerFits(page: Page): Promise<void> {
  await expectNoSidewaysScroll(page);
  const controls = page.getByRole('toolbar', { name: 'Player controls' });
  await expectOnScreen(page, controls.getByRole('button', { name: /^(Play|Pause)$/ }));
  await expectOnScreen(page, controls.getByRole('button', { name: /^Previous/ }));
  await expectOnScreen(page, controls.getByRole('button', { name: /^Next/ }));
  const time = clock(controls).first();
  await expectOnScreen(page, time);
  const open = page.getByRole('link', { name: 'Open in netsplit' });
  await expectOnScreen(page, open);
  expect(intersects(await boxOf(time), await boxOf(open))).toBe(false);
}

test.describe('the smallest screens, 360x640', () => {
  test.use({ viewport: { width: 360, height: 640 } });

  test('the player fits', async ({ page }) => {
    await page.goto('/?embed&preset=raft/lecture');
    await expect(page.getByRole('application', { name: 'Cluster canvas' })).toBeVisible();
    await expectPlayerFits(page);
  });

  test('presenter mode fits', async ({ page }) => {
    await page.goto('/?paused&present&preset=raft/lecture');
    const controls = page.getByRole('toolbar', { name: 'Presenter controls' });
    await expect(controls).toBeAttached();
    await page.mouse.move(180, 320);
    await expectNoSidewaysScroll(page);
    for (const name of [/^Previous/, /^(Play|Pause)$/, /^Next/, /^Leave/]) {
      await expectOnScreen(page, controls.getByRole('button', { name }));
    }
  });
});

test('a slide-sized player (480x320) for the docs', async ({ page }) => {
  await page.setViewportSize({ width: 480, height: 320 });
  await page.goto('/?embed&preset=raft/lecture');
  await expect(page.getByRole('application', { name: 'Cluster canvas' })).toBeVisible();
  await expectPlayerFits(page);
  await screenshot(page, 'player');
});

test.describe('the log grid at 1280x720', () => {
  for (const preset of ['raft/figure-7', undefined]) {
    test(`shows every server's row without scrolling (${preset ?? 'default scenario'})`, async ({ page }) => {
      await openApp(page, preset ? { paused: '', preset } : { paused: '' });
      const panel = page.getByRole('region', { name: 'Logs', exact: true });
      const rows = panel.getByRole('row').filter({ has: page.getByRole('rowheader') });
      await expect(rows).toHaveCount(preset ? 7 : 5);
      const visible = await panel.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const bottom = Math.min(box.bottom, window.innerHeight);
        return { x: box.x, y: box.y, width: box.width, height: bottom - box.y };
      });
      for (const row of await rows.all()) {
        const box = await boxOf(row);
        expect(inside(box, visible), `row ${JSON.stringify(box)} outside ${JSON.stringify(visible)}`).toBe(true);
      }
    });
  }
});

test('a 300-character word in a caption and a 200-character title keep the page its width', async ({ page }) => {
  await page.setViewportSize({ width: 1700, height: 900 });
  const word = 'Consensus'.repeat(34).slice(0, 300);
  const title = `Title${'x'.repeat(195)}`;
  const scenario = {
    format: 'netsplit-scenario',
    version: 1,
    protocol: 'raft',
    title,
    seed: 1,
    nodes: 3,
    events: [
      { at: 0, type: 'caption', text: word },
      { at: 0, type: 'pause', text: `Why ${word}?` },
    ],
  };
  await page.goto(`/?paused#s=${lzString.compressToEncodedURIComponent(JSON.stringify(scenario))}`);
  await expect(page.getByText(word, { exact: true })).toBeVisible();
  await expectNoSidewaysScroll(page);
  // The title is cut to the header, whole on hover.
  await expect(page.getByText(title, { exact: true }).first()).toBeVisible();
  expect(await page.locator('.scenario-title').getAttribute('title')).toContain(title);
  await expectOnScreen(page, play(page));

  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('toolbar', { name: 'Presenter controls' })).toBeAttached();
  await expectNoSidewaysScroll(page);
});

test.describe('the space-time diagram at 1920x1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('its tools never cover its heading, and the now label keeps clear of the zoom control', async ({ page }) => {
    await openApp(page, { paused: '', preset: 'raft/leader-crash' });
    const heading = await boxOf(page.getByRole('heading', { name: 'Space-time diagram' }));
    for (const tool of [
      page.getByRole('combobox', { name: 'Clocks' }),
      page.getByRole('button', { name: 'Save diagram as PNG' }),
      page.getByRole('button', { name: 'Save diagram as SVG' }),
    ]) {
      expect(intersects(await boxOf(tool), heading), `${tool} covers the heading`).toBe(false);
    }
    const nowLabel = page.getByText(/^now 0/);
    await expect(nowLabel).toBeVisible();
    const label = await boxOf(nowLabel);
    // The control: its two buttons and the span between them.
    const more = await boxOf(page.getByRole('button', { name: 'Show more time' }));
    const less = await boxOf(page.getByRole('button', { name: 'Show less time' }));
    const zoom = { x: more.x, y: Math.min(more.y, less.y), width: less.x + less.width - more.x, height: more.height };
    expect(intersects(zoom, label), 'the now label prints over the zoom control').toBe(false);
  });

  test('at 1600 px, where the panels first stand side by side, the tools still clear the heading', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 900 });
    await openApp(page, { paused: '', preset: 'raft/leader-crash' });
    const heading = await boxOf(page.getByRole('heading', { name: 'Space-time diagram' }));
    expect(intersects(await boxOf(page.getByRole('combobox', { name: 'Clocks' })), heading)).toBe(false);
    expect(intersects(await boxOf(page.getByRole('button', { name: 'Save diagram as PNG' })), heading)).toBe(false);
  });
});

test.describe('a phone, by keyboard and screen reader', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('its sheets pass axe, take the focus when opened, and give it back on Esc', async ({ page }) => {
    await openApp(page, { paused: '' });
    await expectNoSeriousViolations(page, 'phone, sheets closed');
    const tools = page.getByRole('button', { name: 'Tools', exact: true });
    await tools.click();
    await expect(tools).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('button', { name: 'Close Tools' })).toBeFocused();
    await expectNoSeriousViolations(page, 'phone, tools sheet open');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('tab', { name: 'Faults' })).toBeHidden();
    await expect(tools).toBeFocused();

    const panels = page.getByRole('button', { name: 'Logs & diagram', exact: true });
    await panels.click();
    await page.getByRole('tab', { name: 'Space-time diagram' }).click();
    await expect(page.getByRole('button', { name: 'Show more time' })).toBeVisible();
    await expectNoSeriousViolations(page, 'phone, diagram sheet open');
    await expectNoSidewaysScroll(page);
    await page.getByRole('button', { name: 'Close Logs & diagram' }).click();
    await expect(panels).toBeFocused();
  });
});
