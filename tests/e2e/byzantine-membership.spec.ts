import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openApp, openTab } from './helpers';

test('from the node menu a node turns Byzantine and another leaves: the canvas marks both, the Script lists both', async ({
  page,
}) => {
  test.slow();
  // flood declares Byzantine modes and membership (spec/protocols.md §1.6, §1.7).
  await openApp(page, { preset: 'flood/ring', paused: '' });

  await page.getByRole('button', { name: 'Actions for n3' }).click();
  const menu = page.getByRole('menu', { name: 'Actions for n3' });
  // Every mode the protocol declares, with its explanation.
  await expect(menu.getByRole('menuitem', { name: 'Make n3 Byzantine: Silent' })).toBeVisible();
  const lie = menu.getByRole('menuitem', { name: 'Make n3 Byzantine: Lie' });
  await expect(lie).toHaveAccessibleDescription(/forged body/);
  await lie.click();
  await expect(page.getByRole('group', { name: 'Node n3' })).toContainText('☠ BYZANTINE: lie');

  // Under load the menu can re-render as the first click lands: open it and choose again until n2 is out.
  const n2 = page.getByRole('group', { name: 'Node n2' });
  await expect(async () => {
    if (!(await n2.textContent())?.includes('outside the cluster')) {
      const menu = page.getByRole('menu', { name: 'Actions for n2' });
      if (!(await menu.isVisible())) await page.getByRole('button', { name: 'Actions for n2' }).click();
      await menu.getByRole('menuitem', { name: 'n2 leaves the cluster' }).click({ timeout: 2000 });
    }
    await expect(n2).toContainText('outside the cluster', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });

  // The Inspector says it too (the menu selected n2).
  await openTab(page, 'Inspect');
  await expect(page.getByText(/a standby server, or one that left/)).toBeVisible();

  // Each click is an input of the run, as a file states it.
  await openTab(page, 'Script');
  const script = page.getByRole('tabpanel', { name: 'Script' });
  await expect(script.getByRole('button', { name: /^Delete byzantine n3: lie at/ })).toBeVisible();
  await expect(script.getByRole('button', { name: /^Delete leave n2 at/ })).toBeVisible();

  const toggle = page.getByRole('button', { name: /^(Legend|Hide legend)$/ });
  await expect(async () => {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true', { timeout: 1000 });
  }).toPass();
  await expect(page.getByText(/^Byzantine: it runs the named mode/)).toBeVisible();
  await expect(page.getByText(/^outside the cluster \(standby, or it left\)/)).toBeVisible();
  await expectNoSeriousViolations(page, 'a Byzantine node and one outside the cluster, menu and legend');
});
