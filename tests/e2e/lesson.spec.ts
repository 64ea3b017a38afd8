import { readFileSync } from 'node:fs';
import { expect, type FrameLocator, type Page, test } from '@playwright/test';
import lzString from 'lz-string';
import { openApp, openSlides, openTab } from './helpers';

/** The lesson goes on: branches keep the script, pauses open what they point at, links and names agree. */

const clockOf = (where: Page | FrameLocator) => where.getByRole('status', { name: 'Simulated time' });
const nowOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __netsplit: { now(): number } }).__netsplit.now());

/** Next pause point, as a clicker sends it, until the question matching `question` shows. */
async function clickThroughTo(page: Page, question: RegExp): Promise<void> {
  const prompt = page.getByText(question);
  await expect
    .poll(
      async () => {
        if (await prompt.isVisible()) return true;
        await page.keyboard.press('PageDown');
        return prompt.isVisible();
      },
      { timeout: 30_000, intervals: [400] },
    )
    .toBe(true);
}

test("acting in the past keeps the scenario's later inputs on the new branch, and says whose they are", async ({
  page,
}) => {
  await openApp(page, { preset: 'raft/first-election', paused: '' });
  await openTab(page, 'Script');
  await expect(page.getByRole('heading', { name: 'Inputs (4)' })).toBeVisible();
  const slider = page.getByRole('slider', { name: 'Time' });
  await slider.focus();
  await page.keyboard.press('End');
  await expect.poll(() => nowOf(page)).toBe(3000);
  const box = await slider.boundingBox();
  if (!box) throw new Error('no slider');
  // Back to about 0.6 s (a fifth of the run), before the scripted requests at 1 s and 1.5 s.
  await page.mouse.click(box.x + box.width * 0.2, box.y + box.height / 2);
  await expect.poll(() => nowOf(page)).toBeLessThan(1000);
  await page.getByRole('button', { name: 'Actions for n4' }).click();
  await page.getByRole('menuitem', { name: 'Crash n4' }).click();
  const branches = page.getByRole('navigation', { name: 'Branches' });
  await expect(branches.getByRole('button', { name: /^branch 2 from 0\.\d{3} s: crash n4$/ })).toBeVisible();
  await openTab(page, 'Script');
  await expect(page.getByRole('heading', { name: 'Inputs (5)' })).toBeVisible();
  const rows = page.getByRole('list', { name: /^Inputs/ }).getByRole('listitem');
  await expect(rows.filter({ hasText: 'crash' })).toContainText('you');
  await expect(rows.filter({ hasText: 'request' })).toHaveCount(2);
  for (const row of await rows.filter({ hasText: 'request' }).all()) await expect(row).toContainText('scenario');
});

test('a pause that says "look at the logs" opens them, in the workbench and in presenter mode', async ({ page }) => {
  await openApp(page, { preset: 'raft/lecture', speed: 1 });
  await page.getByRole('tab', { name: 'Space-time diagram' }).click();
  await clickThroughTo(page, /^Paused: Was anything committed lost\?/);
  await expect(page.getByRole('tab', { name: 'Logs' })).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('p');
  const logs = page.getByRole('region', { name: 'Logs' });
  await expect(logs).toBeVisible();
  // After a click on the panel's button, Space still plays (the button gives the keyboard back).
  const toggle = page.getByRole('button', { name: 'Logs', exact: true });
  await page.mouse.move(10, 10);
  await toggle.click();
  await expect(logs).toHaveCount(0);
  const before = await nowOf(page);
  await page.keyboard.press('Space');
  await expect.poll(() => nowOf(page)).toBeGreaterThan(before);
  await expect(logs).toHaveCount(0);
});

test("the README's embed example plays: it shows the opening question, counts down, then plays", async ({ page }) => {
  const readme = readFileSync('README.md', 'utf8');
  const src = /<iframe src="https:\/\/your\.host\/netsplit\/\?([^"]+)"/.exec(readme)?.[1];
  if (!src) throw new Error('the README has no embed example');
  const player = await openSlides(page, src.replace(/&amp;/g, '&'));
  await expect(player.getByText(/^Paused: Which server will time out first/)).toBeVisible({ timeout: 15_000 });
  await expect(player.getByRole('status').filter({ hasText: /^Plays in \d s/ })).toBeVisible();
  await expect(clockOf(player)).toHaveText('t = 0.00 s');
  // Nobody touches it: the slide keeps the keyboard, the player plays on by itself.
  await expect(clockOf(player)).not.toHaveText('t = 0.00 s', { timeout: 12_000 });
  await expect(player.getByText(/^Paused: Which server will time out first/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Next slide' })).toBeFocused();
});

test('a link pasted into an open tab opens its run; a bad one changes nothing and says why', async ({ page }) => {
  await openApp(page, { preset: 'raft/leader-crash', paused: '' });
  const file = {
    format: 'netsplit-scenario',
    version: 1,
    protocol: '2pc',
    title: 'Pasted run',
    seed: 3,
    nodes: 4,
    events: [],
  };
  const packed = lzString.compressToEncodedURIComponent(JSON.stringify(file));
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `s=${packed}&speed=0.5`);
  const header = page.getByRole('banner');
  await expect(header).toContainText('Pasted run');
  await expect(page.getByText(/^Opened Pasted run, paused at its start\./)).toBeVisible();
  await openTab(page, 'Run');
  await expect(page.getByRole('combobox', { name: 'Speed' }).locator('option:checked')).toHaveText(
    '2× slower than real time',
  );
  await page.evaluate(() => {
    window.location.hash = 's=garbage';
  });
  await expect(page.getByText(/^This link could not be opened: link: .*Your run is unchanged\.$/)).toBeVisible();
  await expect(header).toContainText('Pasted run');
});

test('the header and the Scenario box name the run the same way, also from its share link', async ({ page }) => {
  await openApp(page, { preset: 'raft/leader-crash', paused: '' });
  const header = page.getByRole('banner');
  await expect(header).toContainText('Leader crash and re-election');
  await expect(header.locator('.run-kind')).toHaveText('preset');
  await openTab(page, 'Run');
  await page.getByRole('combobox', { name: 'Bug variant' }).selectOption('commit-old-term');
  await expect(header.locator('.run-kind')).toHaveText('modified preset');
  const scenarioBox = page.getByRole('combobox', { name: 'Scenario' });
  await expect(scenarioBox.locator('option:checked')).toHaveText('(modified) Leader crash and re-election');

  // The same run from its share link, in a fresh tab: the same words.
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.getByRole('banner')).toContainText('Leader crash and re-election');
  await expect(other.getByRole('banner').locator('.run-kind')).toHaveText('modified preset');
  await other.getByRole('tab', { name: 'Run' }).click();
  await expect(other.getByRole('combobox', { name: 'Scenario' }).locator('option:checked')).toHaveText(
    '(modified) Leader crash and re-election',
  );
});
