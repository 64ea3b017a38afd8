import { describe, expect, it } from 'vitest';
import type { NetworkState } from '../../engine/network';
import { statusText } from './NetworkStatus';

const model = { latencyMs: [10, 30] as const, loss: 0, duplicate: 0 };
const ids = ['n1', 'n2', 'n3'];

describe('the network status in words', () => {
  it('says nothing of a whole network', () => {
    expect(statusText({ model, links: {}, cuts: [], groups: {} }, ids)).toBe('');
  });

  it('names the sides of a partition and each cut link, one way or both', () => {
    const cut = { model, links: {}, cuts: ['n1>n2', 'n2>n1', 'n3>n1'], groups: {} } as NetworkState;
    const text = statusText(cut, ids);
    expect(text).toContain('n1–n2');
    expect(text).toContain('n3→n1');
    const split = { model, links: {}, cuts: [], groups: { n1: 0, n2: 1, n3: 1 } } as NetworkState;
    expect(statusText(split, ids)).toBe('Partitioned: n1  |  n2 n3');
  });
});
