import { describe, expect, it } from 'vitest';
import { completions, contextOf, playLock } from './testkit';

const update = (at: number, client: string, value: number) => ({
  at,
  type: 'request',
  client,
  command: `update ${value}`,
});

describe('the lease lock with fencing tokens', () => {
  it('takes the lock, writes under token 1 and releases it', () => {
    const sim = playLock({ events: [update(0, 'c1', 5)] }, 2000);
    expect(completions(sim)).toEqual(['c1 update 5 -> ok']);
    const storage = contextOf(sim, 'n2');
    expect(storage.role === 'storage' && storage.writes.map((w) => [w.client, w.token, w.value])).toEqual([
      ['c1', 1, '5'],
    ]);
    const service = contextOf(sim, 'n1');
    expect(service.role === 'service' && [service.holder, service.token]).toEqual([null, 1]);
  });

  it('grants the next token to the next client, and a refused client retries, then fails', () => {
    const sim = playLock({ events: [update(0, 'c1', 1), update(0, 'c2', 2), update(1500, 'c2', 3)] }, 4000);
    // Whoever's Acquire arrives second meets the other's lease 4 times (retryCount 3 + 1) within ~100 ms and
    // fails; c2's later update gets token 2.
    const done = completions(sim);
    expect(done.slice(0, 2).sort()).toEqual(['c1 update 1 -> fail', 'c2 update 2 -> ok']);
    expect(done[2]).toBe('c2 update 3 -> ok');
    const storage = contextOf(sim, 'n2');
    expect(storage.role === 'storage' && storage.writes.map((w) => w.token)).toEqual([1, 2]);
    expect(sim.trace.filter((r) => r.kind === 'send' && r.type === 'Deny')).toHaveLength(4);
  });

  it("starts from the initial token, as Kleppmann's figure does (33 after 32)", () => {
    const sim = playLock({ initial: { n1: { token: 32 } }, events: [update(0, 'c1', 7)] }, 2000);
    const storage = contextOf(sim, 'n2');
    expect(storage.role === 'storage' && storage.maxToken).toBe(33);
  });

  it('replays to the same trace hash', () => {
    const run = { seed: 9, events: [update(0, 'c1', 1), update(10, 'c2', 2), update(700, 'c2', 3)] };
    expect(playLock(run, 3000).traceHash).toBe(playLock(run, 3000).traceHash);
  });
});

describe('Redlock on five masters', () => {
  it('takes a majority of keys, writes without a token, and deletes the keys', () => {
    const sim = playLock({ config: { variant: 'redlock' }, events: [update(0, 'c1', 4)] }, 2000);
    expect(completions(sim)).toEqual(['c1 update 4 -> ok']);
    expect(sim.trace.filter((r) => r.kind === 'send' && r.type === 'Set')).toHaveLength(5);
    for (const m of ['n1', 'n2', 'n3', 'n4', 'n5']) {
      const ctx = contextOf(sim, m);
      expect(ctx.role === 'master' && ctx.key).toBe(null);
    }
    const storage = contextOf(sim, 'n6');
    expect(storage.role === 'storage' && storage.writes.map((w) => [w.client, w.token])).toEqual([['c1', null]]);
  });

  it('refuses the lock without a majority: two masters down', () => {
    const sim = playLock(
      {
        config: { variant: 'redlock' },
        events: [
          { at: 0, type: 'crash', node: 'n1' },
          { at: 0, type: 'crash', node: 'n2' },
          { at: 0, type: 'crash', node: 'n3' },
          update(10, 'c1', 4),
        ],
      },
      3000,
    );
    expect(completions(sim)).toEqual(['c1 update 4 -> fail']);
  });
});
