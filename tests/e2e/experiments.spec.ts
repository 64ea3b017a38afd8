import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openApp } from './helpers';

/** Opens the Plots tab's Experiments on the leader-crash preset. */
async function openExperiments(page: Page): Promise<void> {
  await openApp(page, { preset: 'raft/leader-crash', paused: '' });
  await page.getByRole('tab', { name: 'Plots' }).click();
  await page.getByRole('tab', { name: 'Experiments' }).click();
}

/** Counts animation frames and the longest gap between two, until `stop` is called in the page. */
async function watchFrames(page: Page): Promise<() => Promise<{ frames: number; longestGapMs: number }>> {
  await page.evaluate(() => {
    const w = window as unknown as { frameWatch: { frames: number; longest: number; isOn: boolean } };
    w.frameWatch = { frames: 0, longest: 0, isOn: true };
    let last = performance.now();
    const tick = (t: number) => {
      if (!w.frameWatch.isOn) return;
      w.frameWatch.frames++;
      w.frameWatch.longest = Math.max(w.frameWatch.longest, t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { frameWatch: { frames: number; longest: number; isOn: boolean } };
      w.frameWatch.isOn = false;
      return { frames: w.frameWatch.frames, longestGapMs: w.frameWatch.longest };
    });
}

test('this run over N seeds runs in workers, fills the CDF and its table, and downloads CSV and SVG', async ({
  page,
}) => {
  await openExperiments(page);
  await page.getByRole('spinbutton', { name: 'Seeds' }).fill('24');
  const stopWatching = await watchFrames(page);
  await page.getByRole('button', { name: 'Run experiment' }).click();
  const status = page.getByRole('status').filter({ hasText: /trials/ });
  await expect(status).toHaveText(/Done: 24 trials in [\d.]+ s · [\d.]+ trials\/s/, { timeout: 45_000 });
  const watched = await stopWatching();
  // The trials ran in workers: the page kept drawing frames all along (a frozen page draws none).
  expect(watched.frames).toBeGreaterThan(5);
  expect(watched.longestGapMs).toBeLessThan(1000);

  const figure = page.getByRole('figure', { name: 'CDF of Time from crash leader to a new leader (ms)' });
  await expect(figure).toBeVisible();
  await expect(figure.locator('canvas').first()).toBeVisible();
  const table = figure.getByRole('table');
  // The table's row heads are the legend: one per line.
  await expect(table.getByRole('rowheader')).toHaveText(['base']);
  await expect(table.getByRole('columnheader')).toHaveText(['value', 'n', 'median', 'mean', 'p99', 'max']);
  const row = table.getByRole('row', { name: /base/ });
  await expect(row.getByRole('cell').first()).toHaveText('24');
  // Raft's election timeout is 150-300 ms: no new leader sooner than 150 ms after the crash.
  const median = Number(await row.getByRole('cell').nth(1).textContent());
  expect(median).toBeGreaterThanOrEqual(150);
  expect(median).toBeLessThan(4000);

  const save = async (name: string) => {
    const download = page.waitForEvent('download');
    await figure.getByRole('button', { name }).click();
    const file = await download;
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  };
  const csv = await save('Download CSV');
  expect(csv.name).toBe('leader-crash-and-re-election-over-24-seeds.csv');
  const rows = csv.text.trim().split('\n');
  expect(rows[0]).toBe('parameter,trial,seed,value,violations');
  expect(rows).toHaveLength(25);
  expect(rows.slice(1).every((r, i) => new RegExp(`^base,${i},\\d+,\\d+,0$`).test(r))).toBe(true);
  const svg = await save('Download SVG');
  expect(svg.name).toBe('leader-crash-and-re-election-over-24-seeds.svg');
  expect(svg.text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.text).toContain('>base</text>');
  expect(svg.text).toContain('Time from crash leader to a new leader (ms)');

  await expectNoSeriousViolations(page, 'the Experiments tab');
  await page.screenshot({ path: 'test-results/screens/experiments-1280.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('tab', { name: 'Plots' }).click();
  await page.getByRole('tab', { name: 'Experiments' }).click();
  // The session outlives the tab: the results are still there.
  await expect(page.getByRole('figure', { name: /^CDF of / })).toBeVisible();
  await expectNoSeriousViolations(page, 'the Experiments tab, wide');
  await page.screenshot({ path: 'test-results/screens/experiments-1920.png' });
});

test('Cancel stops an experiment at once and keeps the trials so far', async ({ page }) => {
  await openExperiments(page);
  await page.getByRole('spinbutton', { name: 'Seeds' }).fill('5000');
  await page.getByRole('button', { name: 'Run experiment' }).click();
  const status = page.getByRole('status').filter({ hasText: /trials/ });
  await expect(status).toHaveText(/^[1-9]\d* \/ 5000 trials/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toHaveText(/Cancelled after \d+ of 5000 trials/);
  await expect(page.getByRole('button', { name: 'Run experiment' })).toBeEnabled();
  await expect(page.getByRole('figure', { name: /^CDF of / })).toBeVisible();
});

test('a shipped experiment, Raft’s Figure 16, runs with a few trials per value and charts a line per timeout', async ({
  page,
}) => {
  await openExperiments(page);
  await page
    .getByRole('combobox', { name: 'Experiment' })
    .selectOption({ label: 'Raft Figure 16 (bottom): the scale of the election timeout' });
  await page.getByRole('spinbutton', { name: 'Trials per value' }).fill('3');
  await page.getByRole('button', { name: 'Run experiment' }).click();
  const status = page.getByRole('status').filter({ hasText: /trials/ });
  await expect(status).toHaveText(/Done: 15 trials/, { timeout: 45_000 });
  // In the file's own words for its axis if it gives them, else the time from its crash to a new leader.
  const figure = page.getByRole('figure', { name: /^CDF of .*leader.*\(ms\)$/ });
  await expect(figure.getByRole('rowheader')).toHaveText(['12-24ms', '25-50ms', '50-100ms', '100-200ms', '150-300ms']);
  for (const row of await figure
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader') })
    .all()) {
    await expect(row.getByRole('cell').first()).toHaveText('3');
  }
  await page.screenshot({ path: 'test-results/screens/experiments-figure16-1280.png' });
});

test('a protocol without series has Experiments alone, and can measure a fact over seeds', async ({ page }) => {
  await openApp(page, { preset: 'lock/gc-pause-no-fencing', paused: '' });
  await page.getByRole('tab', { name: 'Plots' }).click();
  await expect(page.getByRole('tab', { name: 'Series' })).toHaveCount(0);
  // The lock's facts are learnt by playing the run once in a worker; the measure appears when they are.
  const measure = page.getByRole('combobox', { name: 'Measure' });
  await expect(measure.getByRole('option', { name: 'overlap.ms at the end of the run' })).toHaveCount(1, {
    timeout: 30_000,
  });
  await measure.selectOption({ label: 'overlap.ms at the end of the run' });
  await page.getByRole('spinbutton', { name: 'Seeds' }).fill('6');
  await page.getByRole('button', { name: 'Run experiment' }).click();
  await expect(page.getByRole('status').filter({ hasText: /trials/ })).toHaveText(/Done: 6 trials/, {
    timeout: 45_000,
  });
  const figure = page.getByRole('figure', { name: 'CDF of overlap.ms at the end of the run' });
  await expect(figure.getByRole('row', { name: /base/ }).getByRole('cell').first()).toHaveText('6');
});

test('a seed count out of range is refused with the field named', async ({ page }) => {
  await openExperiments(page);
  const seeds = page.getByRole('spinbutton', { name: 'Seeds' });
  await seeds.fill('0');
  await expect(page.getByText('Seeds: a whole number from 1 to 10,000')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run experiment' })).toBeDisabled();
  await expect(seeds).toHaveAttribute('aria-invalid', 'true');
});
