import { spawnSync } from 'node:child_process';
import { type Browser, expect, type Page, test } from '@playwright/test';
import lzString from 'lz-string';
import { openApp, openTab, sendClientRequest, waitForLeader } from './helpers';

interface Picture {
  readonly now: number;
  readonly hash: string;
  readonly nodes: unknown;
}

/** What a person sees, read through the test hook: the time, the trace hash and every node's state. */
async function picture(page: Page): Promise<Picture> {
  // The page builds its run once the run's protocol has loaded; the hook comes with it.
  await page.waitForFunction(() => '__netsplit' in window);
  return page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the test hook is untyped on window.
    const hook = (window as any).__netsplit;
    return { now: hook.now(), hash: hook.traceHash(), nodes: hook.nodes() };
  });
}

/** The picture once the run stands at `now` (a long seek computes a slice per frame). */
async function pictureAt(page: Page, now: number): Promise<Picture> {
  await expect.poll(async () => (await picture(page)).now).toBe(now);
  return picture(page);
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  return context.newPage();
}

async function goToEnd(page: Page): Promise<void> {
  const slider = page.getByRole('slider', { name: 'Time' });
  await slider.focus();
  await page.keyboard.press('End');
}

test('a run built by clicking replays exactly from its link, its file and after a reload', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, { speed: 0.25 });
  const leader = await waitForLeader(page);
  const victim = leader.id === 'n2' ? 'n3' : 'n2';
  await page.getByRole('button', { name: `Actions for ${victim}` }).click();
  await page.getByRole('menuitem', { name: `Crash ${victim}` }).click();
  await openTab(page, 'Faults');
  await page.getByRole('button', { name: 'Split majority | minority' }).click();
  await sendClientRequest(page, 'x=5');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await goToEnd(page);
  const original = await pictureAt(page, 3000);

  await openTab(page, 'Run');
  await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{16}$/);
  const fingerprint = await page.getByTestId('fingerprint').textContent();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(link).toContain('#s=');

  const viaLink = await freshPage(browser);
  await viaLink.goto(link);
  expect(await pictureAt(viaLink, 3000)).toEqual(original);
  await openTab(viaLink, 'Run');
  await expect(viaLink.getByTestId('fingerprint')).toHaveText(fingerprint ?? '');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download scenario file' }).click();
  const file = await (await downloading).path();
  const viaFile = await freshPage(browser);
  await openApp(viaFile, { preset: '2pc/committed', paused: '' });
  await openTab(viaFile, 'Run');
  const choosing = viaFile.waitForEvent('filechooser');
  await viaFile.getByRole('button', { name: 'Open a scenario file…' }).click();
  await (await choosing).setFiles(file);
  await expect(viaFile.getByRole('status').filter({ hasText: 'Opened First election' })).toBeVisible();
  await goToEnd(viaFile);
  expect(await pictureAt(viaFile, 3000)).toEqual(original);

  await page.reload();
  await expect(page.getByRole('slider', { name: 'Time' })).toHaveAttribute('aria-valuenow', '3000');
  expect(await pictureAt(page, 3000)).toEqual(original);
});

test('a bad link says which field is wrong and the saved session comes back intact', async ({ page }) => {
  await openApp(page, { paused: '' });
  await page.getByRole('button', { name: 'Actions for n2' }).click();
  await page.getByRole('menuitem', { name: 'Crash n2' }).click();
  const before = await picture(page);
  const bad = JSON.stringify({
    format: 'netsplit-scenario',
    version: 1,
    protocol: 'raft',
    seed: 1,
    nodes: 3,
    events: [{ at: 5, type: 'crash', node: 'n7' }],
  });
  await page.goto(`/#s=${lzString.compressToEncodedURIComponent(bad)}`);
  await expect(page.getByRole('alert')).toContainText('link: events[0].node');
  await expect(page.getByRole('alert')).toContainText('n7');
  expect(await picture(page)).toEqual(before);
  await expect(page.getByRole('group', { name: 'Server n2' })).toContainText('crashed');
});

test('a bad file says which field is wrong and leaves the run exactly as it was', async ({ page }) => {
  await openApp(page, { paused: '' });
  await page.getByRole('button', { name: 'Actions for n2' }).click();
  await page.getByRole('menuitem', { name: 'Crash n2' }).click();
  const before = await picture(page);
  await openTab(page, 'Run');
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a scenario file…' }).click();
  const text = '{"format":"netsplit-scenario","version":1,"protocol":"raft","seed":-4,"nodes":5,"events":[]}';
  await (await choosing).setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByRole('alert')).toContainText('broken.json: seed');
  await expect(page.getByRole('alert')).toContainText('Your run is unchanged');
  expect(await picture(page)).toEqual(before);
});

test("a preset's fingerprint in the browser is the hash the command-line runner prints", async ({ page }) => {
  const file = 'src/protocols/raft/presets/figure-8.json';
  const cli = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'run', file, '--json'], { encoding: 'utf8' });
  const expected = JSON.parse(cli.stdout).traceHash as string;
  await openApp(page, { preset: 'raft/figure-8', paused: '' });
  await openTab(page, 'Run');
  await expect(page.getByTestId('fingerprint')).toHaveText(expected);
});

test('a long error stays inside the window, wrapped, quoting long values briefly', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 740 } });
  const page = await context.newPage();
  const huge = 'p'.repeat(100_000);
  const bad = JSON.stringify({ format: 'netsplit-scenario', version: 1, protocol: huge, seed: 1, nodes: 3 });
  await page.goto(`/#s=${lzString.compressToEncodedURIComponent(bad)}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`link: protocol: unknown protocol "${'p'.repeat(32)}…" (100000 characters)`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // A file name with no space to break at, as long as a file system allows, on the workbench's Run tab.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.setViewportSize({ width: 1280, height: 720 });
  await openTab(page, 'Run');
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a scenario file…' }).click();
  const name = `${'a'.repeat(240)}.json`;
  await (await choosing).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from('{"seed": -4') });
  await expect(alert).toContainText('not valid JSON');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(1280);
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  await expect(dismiss).toBeInViewport();
  await context.close();
});
