import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openApp, openTab, playUntilViolation, waitForLeader } from './helpers';

test('axe finds no serious or critical problems in the main states', async ({ page }) => {
  // It walks eight states of the app and runs axe in each: slow on a loaded 2-core machine.
  test.slow();
  await openApp(page, { speed: 1 });
  await waitForLeader(page);
  await expectNoSeriousViolations(page, 'playing');

  // The three-second scenario may have reached its end (and paused) while axe was reading the page.
  // It can also end between the look and the click: then the click has nothing to press, and that is fine.
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  if (await pause.isVisible()) await pause.click({ timeout: 3000 }).catch(() => undefined);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Actions for n2' }).click();
  await expect(page.getByRole('menu', { name: 'Actions for n2' })).toBeVisible();
  await expectNoSeriousViolations(page, 'node menu open, node inspected');
  await page.keyboard.press('Escape');

  await openTab(page, 'Faults');
  await expectNoSeriousViolations(page, 'faults tab');
  await openTab(page, 'Run');
  await expectNoSeriousViolations(page, 'run tab');

  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('raft/figure-8-bug');
  const alert = await playUntilViolation(page);
  // The alert fades in: judge its contrast once it is fully there.
  await expect(alert).toHaveCSS('opacity', '1');
  await expectNoSeriousViolations(page, 'violation alert');

  await page.getByRole('combobox', { name: 'Protocol' }).selectOption({ label: 'Two-phase commit' });
  await expect(page.getByRole('region', { name: 'Transactions' })).toBeVisible();
  await expect(alert).toHaveCount(0); // the old run's alert has faded out
  await expectNoSeriousViolations(page, 'two-phase commit');
});

test('a node can be crashed, restarted and timed out from the keyboard alone', async ({ page }) => {
  await openApp(page, { speed: 1 });
  await waitForLeader(page);
  const actions = page.getByRole('button', { name: 'Actions for n3' });
  await actions.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Crash n3' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Server n3' })).toContainText('crashed');
  await expect(actions).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Restart n3' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Server n3' })).not.toContainText('crashed');

  const before = await page.getByRole('group', { name: 'Server n3' }).textContent();
  const term = Number(before?.match(/term (\d+)/)?.[1]);
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Force timeout on n3' })).toBeFocused();
  await page.keyboard.press('Enter');
  // A forced election timeout makes n3 stand in the next term.
  await expect(page.getByRole('group', { name: 'Server n3' })).toContainText(
    new RegExp(`term (${term + 1}|${term + 2})`),
  );
});

test('keyboard shortcuts play, pause and step; Enter on a link opens its menu', async ({ page }) => {
  await openApp(page, { speed: 1 });
  await page.locator('body').press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const clock = page.getByRole('status', { name: 'Simulated time' });
  const before = await clock.textContent();
  for (let i = 0; i < 40; i++) await page.locator('body').press('n');
  await expect(clock).not.toHaveText(before ?? '');
  await page.getByRole('button', { name: 'Link n2–n4' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Link n2–n4' })).toBeVisible();
  await page.getByRole('button', { name: 'Cut n2 → n4 only' }).click();
  await expect(page.getByText('(n2 → n4 blocked)')).toBeVisible();
});

test('with reduced motion, decorative transitions are off and the run still plays', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page, { speed: 1 });
  const duration = await page
    .getByRole('button', { name: 'Pause', exact: true })
    .evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(duration).toBe('0s');
  await waitForLeader(page);
});
