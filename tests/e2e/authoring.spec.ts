import { expect, type Page, test } from '@playwright/test';
import { openApp } from './helpers';

const fingerprint = (page: Page) =>
  page.evaluate(() => (window as unknown as { __netsplit: { fingerprint(): string | null } }).__netsplit.fingerprint());

/** Waits for the worker's fingerprint of the run as it is now, different from `not` when given. */
async function settledFingerprint(page: Page, not?: string): Promise<string> {
  let value: string | null = null;
  await expect
    .poll(async () => {
      value = await fingerprint(page);
      return value !== null && value !== not;
    })
    .toBe(true);
  return value as unknown as string;
}

test('authoring edits re-run the scenario, come back to the same time, and a new pause stops playback', async ({
  page,
}) => {
  // Four edits, each re-running the scenario from the start: slow on a loaded 2-core machine.
  test.slow();
  await openApp(page, { preset: 'raft/leader-crash', paused: '' });
  const slider = page.getByRole('slider', { name: 'Time' });
  await slider.focus();
  await page.keyboard.press('End');
  for (let i = 0; i < 2; i++) await page.keyboard.press('PageUp');
  await expect(slider).toHaveAttribute('aria-valuenow', '2000');
  const original = await settledFingerprint(page);
  await page.getByRole('tab', { name: 'Script' }).click();
  const script = page.getByRole('tabpanel', { name: 'Script' });

  // A caption is narration, but it is in the trace: a new text is a new run, the old text the old run.
  const caption = script.getByRole('textbox', { name: 'Text of caption at 1.500 s' });
  await caption.fill('Watch the timers.');
  await caption.press('Enter');
  const edited = await settledFingerprint(page, original);
  await expect(slider).toHaveAttribute('aria-valuenow', '2000');
  await script
    .getByRole('textbox', { name: 'Text of caption at 1.500 s' })
    .fill('The leader crashes. Who notices first?');
  await script.getByRole('textbox', { name: 'Text of caption at 1.500 s' }).press('Enter');
  expect(await settledFingerprint(page, edited)).toBe(original);

  // Without the crash, the leader of term 1 is still there at 2 s.
  await script.getByRole('button', { name: 'Delete crash leader at 1.500 s' }).click();
  const withoutCrash = await settledFingerprint(page, original);
  expect(withoutCrash).not.toBe(edited);
  await expect(script.getByRole('button', { name: /^Delete crash/ })).toHaveCount(0);
  await expect(slider).toHaveAttribute('aria-valuenow', '2000');
  await expect(page.getByText('Leader: n1 (term 1)')).toBeVisible();

  // A pause inserted here, with its question: playing from the start stops at it and asks it.
  await script.getByRole('textbox', { name: 'Question at the pause' }).fill('Who will lead next?');
  await script.getByRole('button', { name: 'Insert pause at 2.000 s' }).click();
  await expect(script.getByRole('textbox', { name: 'Text of pause at 2.000 s' })).toHaveValue('Who will lead next?');
  await expect(slider).toHaveAttribute('aria-valuenow', '2000');
  expect(await settledFingerprint(page, withoutCrash)).not.toBe(original);
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuenow', '0');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: 'Real time' });
  const question = page.getByText('Paused: Who will lead next?');
  await expect
    .poll(async () => {
      if (await question.isVisible()) return true;
      const play = page.getByRole('button', { name: 'Play', exact: true });
      if (await play.isVisible()) await play.click();
      return false;
    })
    .toBe(true);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(slider).toHaveAttribute('aria-valuenow', '2000');
});

test('renaming the scenario and a bad edit: the title changes; a bad time names the field', async ({ page }) => {
  await openApp(page, { preset: 'raft/leader-crash', paused: '' });
  await page.getByRole('tab', { name: 'Script' }).click();
  const script = page.getByRole('tabpanel', { name: 'Script' });
  await script.getByRole('textbox', { name: 'Scenario title' }).fill('My <b>own</b> run');
  await script.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('banner').getByText('My <b>own</b> run')).toBeVisible();
  const time = script.getByRole('spinbutton', { name: 'Time of request x=1 at 0.600 s, in ms' });
  await time.fill('-5');
  await time.press('Enter');
  await expect(script.getByRole('alert')).toContainText('events[0].at');
  await expect(time).toHaveValue('600');
  await time.fill('900');
  await time.press('Enter');
  await expect(script.getByRole('spinbutton', { name: 'Time of request x=1 at 0.900 s, in ms' })).toBeVisible();
  await expect(script.getByRole('alert')).toHaveCount(0);
});
