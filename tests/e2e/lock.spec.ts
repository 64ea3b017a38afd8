import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openApp } from './helpers';

test('the lock lecture stops while c1 is paused, and its panel shows c1 holding token 33 at the service and in its own belief', async ({
  page,
}) => {
  await openApp(page, { preset: 'lock/lecture', speed: 1 });
  const play = page.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible()) await play.click();
  // The first pause point (0.8 s): c1 is frozen in its GC pause, and the question is asked.
  await expect(page.getByText(/^Paused: c1 is frozen/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status', { name: 'Simulated time' })).toHaveText('t = 0.80 s');

  // The pause asks for the protocol's panel: the picture of leases, beliefs and writes, and the same in words.
  const panel = page.getByRole('region', { name: 'Who held the lock, against real time' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('img')).toBeVisible();
  const words = panel.getByRole('listitem');
  await expect(words.filter({ hasText: /^n1 \(lock service\): c1 with token 33 from 0\.0\d s still now/ })).toHaveCount(
    1,
  );
  await expect(words.filter({ hasText: /^c1 \(client\): believed it held the lock \(token 33\)/ })).toHaveCount(1);
  await expect(words.filter({ hasText: /^n2 \(storage\): no write yet/ })).toHaveCount(1);
  // The cards: the service's token, and c1 holding the lock while its process is paused.
  await expect(page.getByRole('group', { name: 'Node n1' })).toContainText('token 33');
  const c1 = page.getByRole('group', { name: 'Node c1' });
  await expect(c1).toContainText('holds the lock');
  await expect(c1).toContainText(/paused/i);

  await expectNoSeriousViolations(page, 'the lock lecture at its first pause');
});
