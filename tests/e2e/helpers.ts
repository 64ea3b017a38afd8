import { expect, type FrameLocator, type Locator, type Page, test } from '@playwright/test';

/** Opens the workbench; `params` go to the URL (`speed`, `preset`, `paused`). */
export async function openApp(page: Page, params: Record<string, string | number> = {}): Promise<void> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  await page.goto(query ? `/?${query}` : '/');
  await expect(page.getByRole('application', { name: 'Cluster canvas' })).toBeVisible();
}

/** If playback stopped by itself (a pause point, the scenario's end), press Play, as a person would. */
export async function keepPlaying(page: Page): Promise<void> {
  const play = page.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible()) await play.click();
}

export interface LeaderInfo {
  readonly id: string;
  readonly term: number;
}

/** The leader the header names, if any. */
export async function currentLeader(page: Page): Promise<LeaderInfo | null> {
  const text = (await page.getByText(/^(Leader: \S+ \(term \d+\)|No leader)$/).textContent()) ?? '';
  const match = /^Leader: (\S+) \(term (\d+)\)$/.exec(text);
  return match ? { id: match[1] as string, term: Number(match[2]) } : null;
}

/** Waits, playing on through stops, until the header names a leader that satisfies `accept`. */
export async function waitForLeader(
  page: Page,
  accept: (leader: LeaderInfo) => boolean = () => true,
  timeout = 20_000,
): Promise<LeaderInfo> {
  let found: LeaderInfo | null = null;
  await expect
    .poll(
      async () => {
        await keepPlaying(page);
        found = await currentLeader(page);
        return found !== null && accept(found);
      },
      { timeout, intervals: [100, 200, 250] },
    )
    .toBe(true);
  return found as unknown as LeaderInfo;
}

/** The row of the log grid that belongs to one server. */
export function logRow(page: Page, id: string) {
  return page
    .getByRole('region', { name: 'Logs' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${id}\\b`) }) });
}

export async function openTab(page: Page, name: 'Inspect' | 'Faults' | 'Script' | 'Run'): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

export async function sendClientRequest(page: Page, command: string): Promise<void> {
  await openTab(page, 'Faults');
  await page.getByRole('textbox', { name: 'Command' }).fill(command);
  await page.getByRole('button', { name: 'Send client request' }).click();
}

/**
 * Clicks a link between two servers where a person would: on a bare stretch of the line, clear of the
 * servers at its ends and of the message labels that cross it (they sit still once the run pauses).
 */
export async function clickLink(page: Page, a: string, b: string): Promise<void> {
  const link = page.getByRole('button', { name: `Link ${a}–${b}` });
  await link.scrollIntoViewIfNeeded();
  const point = await link.evaluate((group) => {
    const path = group.querySelector('path.link-hit') as SVGPathElement;
    const screen = path.getScreenCTM();
    if (!screen) throw new Error('the link is not on screen');
    const length = path.getTotalLength();
    for (const t of [0.5, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.45, 0.55]) {
      const local = path.getPointAtLength(length * t);
      const x = screen.a * local.x + screen.c * local.y + screen.e;
      const y = screen.b * local.x + screen.d * local.y + screen.f;
      if (group.contains(document.elementFromPoint(x, y))) return { x, y };
    }
    throw new Error('every point of the link is covered');
  });
  await page.mouse.click(point.x, point.y);
}

/** Plays on (pressing Play whenever the run stops by itself) until the safety alert shows; returns it. */
export async function playUntilViolation(page: Page): Promise<Locator> {
  const alert = page.getByRole('alert').filter({ hasText: 'Safety violated' });
  await expect
    .poll(
      async () => {
        if (await alert.isVisible()) return true;
        await keepPlaying(page);
        return false;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return alert;
}

/**
 * A slide deck's page with the player in an iframe and a button of its own. It is served from the app's
 * origin (Chromium keeps a made-up public origin from framing a localhost page).
 */
export async function openSlides(page: Page, playerQuery: string): Promise<FrameLocator> {
  const base = test.info().project.use.baseURL;
  const slides = `${base}/test-slides.html`;
  await page.route(slides, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Slides</title></head><body>
        <h1>Slide 3: Raft</h1>
        <button type="button" autofocus>Next slide</button>
        <iframe title="Raft demo" src="${base}/?${playerQuery}" width="800" height="500" style="border:0"></iframe>
      </body></html>`,
    }),
  );
  await page.goto(slides);
  return page.frameLocator('iframe[title="Raft demo"]');
}
