import { describe, expect, it } from 'vitest';
import { at, entropy, localAt } from './meta';

describe('the kit reads the event metadata', () => {
  it('from a delivered event, and from the start input that XState wraps in its init event', () => {
    const delivered = { type: 'Ping', from: 'n2', at: 120, localAt: 125, entropy: 7 };
    expect([at(delivered), localAt(delivered), entropy(delivered)]).toEqual([120, 125, 7]);
    const init = { type: 'xstate.init', input: { id: 'n1', at: 40, localAt: 40, entropy: 9 } };
    expect([at(init), localAt(init), entropy(init)]).toEqual([40, 40, 9]);
  });

  it('reads a local time equal to the virtual time while nodes have no clocks of their own', () => {
    expect(localAt({ type: 'old', at: 300, entropy: 1 })).toBe(300);
  });
});
