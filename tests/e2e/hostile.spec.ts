import { expect, type Page, test } from '@playwright/test';
import fc from 'fast-check';
import lzString from 'lz-string';
import { openApp, openTab } from './helpers';

/**
 * The hostile probe in Chromium (issue 10): generated scenario files, mostly valid but odd, some malformed
 * or oversized, go in through the page's own open-file path, and generated links are pasted into the open
 * tab. After each: no page error, a short message (naming a field when it refuses), the user's run exactly
 * as it was when refused, and every banner inside the window. CI plays a few cases;
 * `HOSTILE_E2E_RUNS=60 E2E_PORT=... npx playwright test tests/e2e/hostile.spec.ts --workers=1` plays more,
 * and `HOSTILE_E2E_SEED` replays one sample.
 */
const RUNS = Number(process.env.HOSTILE_E2E_RUNS ?? 8);
const SEED = Number(process.env.HOSTILE_E2E_SEED ?? 20261202);
/** What "short" means for a message: a line or two a person reads, never an echo of a megabyte. */
const SHORT = 2000;
const WIDTH = 1280;

const markup = fc.constantFrom('<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>', '&amp;');
const oddText = fc.oneof(fc.string({ maxLength: 40 }), markup, fc.constantFrom('ünï ☃ 𝄞', '\u202etxt.exe', ''));
const oddName = fc.constantFrom('constructor', 'tostring', '0', '42', 'n-1', 'a', 'zz-99');
const oddCommand = fc.oneof(
  fc.constantFrom('constructor', 'toString', '__proto__', '0', '1e3', 'x=1', 't1', 'hasOwnProperty'),
  oddText,
);
const time = fc.integer({ min: 0, max: 6000 });

/** A file the format accepts, with every odd corner it allows: inherited names, markup, one instant for all. */
const validOdd = fc
  .record({
    protocol: fc.constantFrom('raft', '2pc'),
    seed: fc.oneof(fc.nat(), fc.constantFrom(0, 4_294_967_295)),
    nodes: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.uniqueArray(oddName, { minLength: 1, maxLength: 5 })),
    until: fc.integer({ min: 1, max: 20_000 }),
    title: fc.oneof(oddText, fc.constant('t'.repeat(200))),
    description: fc.oneof(oddText, fc.constant('d '.repeat(2500))),
    requests: fc.array(fc.tuple(time, oddCommand), { maxLength: 20 }),
    captions: fc.array(fc.tuple(time, oddText), { maxLength: 4 }),
    crashAt: fc.option(time, { nil: undefined }),
  })
  .map(({ requests, captions, crashAt, ...file }) => ({
    format: 'netsplit-scenario',
    version: 1,
    ...file,
    events: [
      ...requests.map(([at, command]) => ({ at, type: 'request', command })),
      ...captions.map(([at, text]) => ({ at, type: 'caption', text })),
      ...(crashAt === undefined ? [] : [{ at: crashAt, type: 'crash', node: 'leader' }]),
    ],
  }));

const huge = fc.integer({ min: 1000, max: 200_000 }).map((n) => 'p'.repeat(n));

/** A valid file bent out of shape in one field, or cut short, or not JSON at all. */
const malformed = fc.oneof(
  fc
    .tuple(
      validOdd,
      fc.constantFrom('protocol', 'seed', 'nodes', 'until', 'bug', 'title', 'events', 'config'),
      fc.oneof(huge, fc.constantFrom(-1, 1e12, 1.5, null, '__proto__', 65, [], {}), fc.jsonValue()),
    )
    .map(([file, field, value]) => JSON.stringify({ ...file, [field]: value })),
  validOdd.map((file) => JSON.stringify({ ...file, events: [...file.events, { at: 5, type: 'crash', node: 'n99' }] })),
  validOdd.map((file) =>
    JSON.stringify({ ...file, config: { __proto__: { x: 1 } } }).replace('"config":{}', '"config":{"__proto__":1}'),
  ),
  fc.tuple(validOdd, fc.nat()).map(([file, n]) => {
    const text = JSON.stringify(file);
    return text.slice(0, n % text.length);
  }),
  fc.string({ maxLength: 200 }),
);

/** Mostly valid-but-odd, as the issue asks; a byte-order mark now and then, which must not matter. */
const fileText = fc.oneof(
  { weight: 3, arbitrary: validOdd.map((file) => JSON.stringify(file)) },
  { weight: 1, arbitrary: validOdd.map((file) => `\uFEFF${JSON.stringify(file)}`) },
  { weight: 2, arbitrary: malformed },
);

const fragment = fc.oneof(
  { weight: 3, arbitrary: fileText.map((text) => `#s=${lzString.compressToEncodedURIComponent(text)}`) },
  fc
    .tuple(fileText, fc.oneof(fc.nat(30_000), fc.constantFrom(-1, 1e12, Number.NaN)))
    .map(([text, t]) => `#s=${lzString.compressToEncodedURIComponent(text)}&t=${t}`),
  huge.map((garbage) => `#s=${garbage}`),
  fc.string({ maxLength: 50 }).map((s) => `#${encodeURIComponent(s)}`),
);

interface Picture {
  readonly now: number;
  readonly hash: string;
  readonly nodes: unknown;
}

async function picture(page: Page): Promise<Picture> {
  await page.waitForFunction(() => '__netsplit' in window);
  return page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the test hook is untyped on window.
    const hook = (window as any).__netsplit;
    return { now: hook.now(), hash: hook.traceHash(), nodes: hook.nodes() };
  });
}

/** The message bar's words once the page has answered: refused (alert) or opened (status). */
async function answer(page: Page): Promise<{ isRefused: boolean; text: string }> {
  const bar = page.locator('.message-bar');
  await expect(bar).toBeVisible({ timeout: 20_000 });
  const text = (await bar.locator('span').first().textContent()) ?? '';
  return { isRefused: (await bar.getAttribute('role')) === 'alert', text };
}

/** Every banner the page shows lies inside the window, and the page never scrolls sideways. */
async function expectInsideWindow(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
  for (const banner of await page.locator('.message-bar, [role="alert"]').all()) {
    if (!(await banner.isVisible())) continue;
    const box = await banner.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= WIDTH).toBe(true);
    const dismiss = banner.getByRole('button', { name: 'Dismiss' });
    if (await dismiss.count()) await expect(dismiss).toBeInViewport();
  }
}

/** How the page answered, over a test's samples: both kinds must come up, or the probe is one-sided. */
interface Tally {
  opened: number;
  refused: number;
}

/** Checks one answer; a refusal leaves the picture as it was. Returns the picture the next case starts from. */
async function judge(page: Page, before: Picture, source: RegExp, sample: string, tally: Tally): Promise<Picture> {
  const { isRefused, text } = await answer(page);
  tally[isRefused ? 'refused' : 'opened']++;
  expect(text.length, sample).toBeLessThan(SHORT);
  await expectInsideWindow(page);
  expect(await page.evaluate(() => '__pwned' in window), sample).toBe(false);
  if (isRefused) {
    // Names where and what: the file or the link, then a field or the reason it could not be read.
    expect(text, sample).toMatch(source);
    expect(text, sample).toContain('Your run is unchanged');
    expect(await picture(page), sample).toEqual(before);
  } else {
    expect(text, sample).toMatch(/^Opened /);
  }
  await page.locator('.message-bar').getByRole('button', { name: 'Dismiss' }).click();
  return picture(page);
}

test.describe.configure({ timeout: 60_000 + RUNS * 15_000 });

test('hostile scenario files through Open: a short answer, never a page error, a refused one changes nothing', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openApp(page, { paused: '' });
  await page.getByRole('button', { name: 'Actions for n2' }).click();
  await page.getByRole('menuitem', { name: 'Crash n2' }).click();
  let before = await picture(page);
  const tally: Tally = { opened: 0, refused: 0 };
  const samples = fc.sample(fileText, { numRuns: RUNS, seed: SEED });
  for (const [i, text] of samples.entries()) {
    await openTab(page, 'Run');
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open a scenario file…' }).click();
    const name = `hostile-${i}.json`;
    await (await choosing).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    const sample = `sample ${i} (seed ${SEED}): ${text.slice(0, 300)}`;
    before = await judge(page, before, new RegExp(`${name}: \\S`), sample, tally);
    expect(errors, `sample ${i}`).toEqual([]);
  }
  expect(tally.opened).toBeGreaterThan(0);
  expect(tally.refused).toBeGreaterThan(0);
});

test('hostile links pasted into the open tab: a short answer, never a page error, a refused one changes nothing', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openApp(page, { paused: '' });
  let before = await picture(page);
  const tally: Tally = { opened: 0, refused: 0 };
  // Both kinds of answer must come up whatever the draw: one link surely refused and one surely opened lead.
  const valid = fc.sample(validOdd, { numRuns: 1, seed: SEED })[0];
  const samples = [
    `#s=${'p'.repeat(5000)}`,
    `#s=${lzString.compressToEncodedURIComponent(JSON.stringify(valid))}`,
    ...fc.sample(fragment, { numRuns: RUNS, seed: SEED + 1 }),
  ];
  for (const [i, hash] of samples.entries()) {
    const sample = `link ${i} (seed ${SEED + 1}): ${hash.slice(0, 300)}`;
    await page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
    // A fragment that is no scenario link (`#abc`) is not the page's business: it answers nothing.
    if (!hash.startsWith('#s=')) {
      await page.waitForTimeout(200);
      expect(await picture(page), sample).toEqual(before);
      await expectInsideWindow(page);
    } else {
      before = await judge(page, before, /^This link could not be opened: \S/, sample, tally);
    }
    expect(errors, sample).toEqual([]);
  }
  expect(tally.opened).toBeGreaterThan(0);
  expect(tally.refused).toBeGreaterThan(0);
});
