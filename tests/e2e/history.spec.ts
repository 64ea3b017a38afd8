import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openApp } from './helpers';

/** Process 1 reads 3 after process 0's cas 3 -> 0 completed (line 7): a stale read, lines 8-9. */
const stale = [
  'INFO  jepsen.core - Running test register',
  'INFO  jepsen.util - 3\t:invoke\t:write\t4',
  'INFO  jepsen.util - 3\t:ok\t:write\t4',
  'INFO  jepsen.util - 2\t:invoke\t:write\t3',
  'INFO  jepsen.util - 2\t:ok\t:write\t3',
  'INFO  jepsen.util - 0\t:invoke\t:cas\t[3 0]',
  'INFO  jepsen.util - 0\t:ok\t:cas\t[3 0]',
  'INFO  jepsen.util - 1\t:invoke\t:read\tnil',
  'INFO  jepsen.util - 1\t:ok\t:read\t3',
].join('\n');

/** Clicks "Open history file…" in `where` and picks a file of `text`, as a person would. */
async function openHistoryFile(where: Page | Locator, name: string, text: string): Promise<void> {
  const page = 'page' in where ? where.page() : where;
  const choosing = page.waitForEvent('filechooser');
  await where.getByRole('button', { name: 'Open history file…' }).click();
  await (await choosing).setFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

test('a non-linearizable Jepsen history opens in the History panel, its ops marked, and go to moves there', async ({
  page,
}) => {
  await openApp(page, { paused: 1 });
  // Before any history, the way to open one sits under the space-time diagram.
  const diagramTab = page.getByRole('tab', { name: 'Space-time diagram' });
  if (await diagramTab.isVisible()) await diagramTab.click();
  await openHistoryFile(page, 'stale.log', stale);
  const tab = page.getByRole('tab', { name: 'History' });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('region', { name: 'History' });
  await expect(panel.getByRole('status')).toHaveText('Linearizable: no, on key x.');
  await expect(
    panel.getByText('op 4 (p1 read x -> 3, lines 8-9) cannot follow op 3 (p0 cas x 3 0, ok at line 7)'),
  ).toBeVisible();
  const blamed = panel.getByRole('list', { name: 'Operations that cannot be ordered' }).getByRole('listitem');
  await expect(blamed).toHaveText([
    'op 3: p0 cas x 3 0, invoked at line 6, ok at line 7',
    'op 4: p1 read x -> 3, invoked at line 8, ok at line 9',
  ]);
  await expect(panel.getByRole('img', { name: /4 operations of 4 clients .*2 marked as unorderable/ })).toBeVisible();
  await expectNoSeriousViolations(page, 'History panel with a violation');

  // The file is not the run: "go to" moves the panel's own cursor (before it: the history's end).
  await panel.getByRole('button', { name: 'Go to line 9' }).click();
  await expect(panel.getByText(/cursor at line 9$/)).toBeVisible();

  // A malformed file is refused with its line, and the history shown stays as it was.
  await panel.getByLabel('History file').setInputFiles({
    name: 'bad.log',
    mimeType: 'text/plain',
    buffer: Buffer.from('INFO  jepsen.util - 4\t:ok\t:write\t5'),
  });
  await expect(panel.getByRole('alert')).toHaveText('bad.log: line 1: :ok :write for process 4 with no open operation');
  await expect(panel.getByRole('status')).toHaveText('Linearizable: no, on key x.');
});

test('register/stale-read: the run’s history fails, its ops are marked, and go to seeks the run there', async ({
  page,
}) => {
  await openApp(page, { preset: 'register/stale-read', paused: '' });
  const slider = page.getByRole('slider', { name: 'Time' });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuenow', '1500');
  const tab = page.getByRole('tab', { name: 'History' });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('region', { name: 'History' });
  await expect(panel.getByText('The run’s history · 4 operations · cursor at 1500 ms')).toBeVisible();
  await expect(panel.getByRole('status')).toHaveText('Linearizable: no, on key x.');
  await expect(
    panel.getByText('op 2 (c2 read x -> null, 300-361 ms) cannot follow op 1 (c1 write x 1, ok at 162 ms)'),
  ).toBeVisible();
  const blamed = panel.getByRole('list', { name: 'Operations that cannot be ordered' }).getByRole('listitem');
  await expect(blamed).toHaveText([
    'op 1: c1 write x 1, invoked at 100 ms, ok at 162 ms',
    'op 2: c2 read x -> null, invoked at 300 ms, ok at 361 ms',
  ]);
  await expect(panel.getByRole('img', { name: /4 operations of 2 clients .*2 marked as unorderable/ })).toBeVisible();
  await expect(panel.locator('.history-bar.is-marked')).toHaveCount(2);
  // Where the history sits among the models, with the witness of each "no", and each client's session guarantees.
  const models = panel.getByRole('region', { name: 'Consistency models' });
  await expect(
    models.getByText(/^This history is (sequentially consistent but not linearizable|neither)/),
  ).toBeVisible();
  await expect(models.getByRole('list', { name: 'Why not linearizable' }).getByRole('listitem')).toHaveCount(2);
  await expect(models.getByRole('table', { name: /Session guarantees per client/ })).toBeVisible();
  await expectNoSeriousViolations(page, 'History panel with the run’s violation');

  // "Go to" moves the run itself: the timeline's time becomes the earliest failing moment.
  await panel.getByRole('button', { name: 'Go to 361 ms' }).click();
  await expect(slider).toHaveAttribute('aria-valuenow', '361');
  await expect(panel.getByText(/cursor at 361 ms$/)).toBeVisible();
});
