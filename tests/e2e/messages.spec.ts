import { expect, type Locator, type Page, test } from '@playwright/test';
import { openApp, waitForLeader } from './helpers';

test('clicking a message in flight shows its payload and lets the user drop it', async ({ page }) => {
  await openApp(page, { speed: 0.05 });
  await waitForLeader(page);
  const message = await newestMessageOnTheWire(page);
  await expect(message).toBeVisible();
  const name = (await message.getAttribute('aria-label')) ?? '';
  const id = name.match(/^Message (\d+)/)?.[1] as string;
  await message.click();
  await expect(page.getByRole('heading', { name: new RegExp(`^Message ${id}: `) })).toBeVisible();
  await expect(page.getByText('Payload')).toBeVisible();
  await expect(
    page.getByText(/"type": "(AppendEntries|RequestVote|AppendEntriesReply|RequestVoteReply)"/),
  ).toBeVisible();
  await page.getByRole('button', { name: `Drop message ${id}` }).click();
  await expect(page.getByText(/dropped at .* \(you dropped it\)/)).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`^Message ${id}: `) })).toHaveCount(0);
});

test('duplicating a message sends a second copy on the same link', async ({ page }) => {
  await openApp(page, { speed: 0.05 });
  await waitForLeader(page);
  const message = await newestMessageOnTheWire(page);
  const name = (await message.getAttribute('aria-label')) ?? '';
  const [, id, rest] = name.match(/^Message (\d+): (.*)$/) ?? [];
  await message.click();
  await page.getByRole('button', { name: `Duplicate message ${id}` }).click();
  await expect(page.getByRole('button', { name: new RegExp(`: ${escapeRegExp(rest ?? '')}$`) })).toHaveCount(2);
});

/**
 * Pauses, then steps until a message is on the wire (between two rounds of heartbeats there may be none),
 * and gives the newest: it has the longest way still to go.
 */
async function newestMessageOnTheWire(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const messages = page.getByRole('button', { name: /^Message \d+: / });
  await expect
    .poll(
      async () => {
        await page.getByRole('button', { name: 'Step to next event' }).click();
        return messages.count();
      },
      { timeout: 20_000, intervals: [100] },
    )
    .toBeGreaterThan(0);
  return messages.last();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
