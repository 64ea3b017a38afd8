import { describe, expect, it } from 'vitest';
import { Pending } from './pending';

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('what the page is loading', () => {
  it('shows the title while the load runs, and nothing after', async () => {
    const pending = new Pending();
    const seen: (string | null)[] = [];
    pending.subscribe(() => seen.push(pending.getTitle()));
    const result = await pending.track(async (show) => {
      show('Two-phase commit');
      expect(pending.getTitle()).toBe('Two-phase commit');
      return later('loaded', 5);
    });
    expect(result).toEqual({ isLatest: true, value: 'loaded' });
    expect(seen).toEqual(['Two-phase commit', null]);
  });

  it('lets the latest request win: an overtaken load finishes quietly', async () => {
    const pending = new Pending();
    const slow = pending.track(async (show) => {
      show('Two-phase commit');
      return later('2pc', 30);
    });
    const fast = pending.track(async () => later('raft', 5));
    expect(await fast).toEqual({ isLatest: true, value: 'raft' });
    expect(await slow).toEqual({ isLatest: false, value: '2pc' });
    expect(pending.getTitle()).toBeNull();
  });

  it('clears the title when the load fails', async () => {
    const pending = new Pending();
    const failing = pending.track(async (show) => {
      show('Raft');
      throw new Error('offline');
    });
    await expect(failing).rejects.toThrow('offline');
    expect(pending.getTitle()).toBeNull();
  });
});
