import { expect, test } from '@playwright/test';
import { openApp, openTab } from './helpers';

test('a client operation from the form is in flight on the client card, then completes at the primary', async ({
  page,
}) => {
  await openApp(page, { preset: 'register/two-clients', paused: 1 });
  // Clients are drawn apart, each a card of its own.
  const c1 = page.getByRole('group', { name: 'Node c1' });
  await expect(c1).toContainText('client');

  await openTab(page, 'Faults');
  await page.getByRole('combobox', { name: 'Client' }).selectOption('c1');
  await page.getByRole('combobox', { name: 'Operation' }).selectOption('write');
  await page.getByRole('textbox', { name: 'Key' }).fill('y');
  await page.getByRole('textbox', { name: 'Value' }).fill('42');
  await expect(page.getByText('Sends write y 42 from c1.')).toBeVisible();
  await page.getByRole('button', { name: 'Send client operation' }).click();

  // Invoked at once (the run is paused): the card shows the operation in flight.
  await expect(c1).toContainText('write y 42 …');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(c1).not.toContainText('write y 42 …', { timeout: 15_000 });

  // It took effect: the primary holds y = 42.
  await page.getByRole('group', { name: 'Node n1' }).click();
  await openTab(page, 'Inspect');
  await expect(page.locator('pre.json')).toContainText('"y": 42');
});
