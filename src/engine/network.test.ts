import { describe, expect, it } from 'vitest';
import { scenario, simulate } from '../testing/scenarios';
import { Network } from './network';

const model = { latencyMs: [10, 10] as const, loss: 0, duplicate: 0 };

describe('Network', () => {
  it('blocks across a partition, with unlisted nodes forming one more group', () => {
    const net = Network.initial(model);
    net.partition([['a', 'b'], ['c']]);
    expect(net.canCarry('a', 'b')).toBe(true);
    expect(net.canCarry('a', 'c')).toBe(false);
    expect(net.canCarry('d', 'e')).toBe(true);
    expect(net.canCarry('d', 'a')).toBe(false);
    net.heal();
    expect(net.canCarry('a', 'c')).toBe(true);
  });

  it('cuts one way or both, and mends', () => {
    const net = Network.initial(model);
    net.cut('a', 'b', true);
    expect([net.canCarry('a', 'b'), net.canCarry('b', 'a')]).toEqual([false, true]);
    net.cut('a', 'b', false);
    expect(net.canCarry('b', 'a')).toBe(false);
    net.mend('a', 'b', false);
    expect([net.canCarry('a', 'b'), net.canCarry('b', 'a')]).toEqual([true, true]);
  });

  it('applies a per-link model over the default one', () => {
    const net = Network.initial(model);
    net.setLink('a', 'b', { latencyMs: [50, 60] });
    expect(net.linkModel('b', 'a')).toEqual({ latencyMs: [50, 60], loss: 0, duplicate: 0 });
    expect(net.linkModel('a', 'c')).toEqual(model);
  });
});

describe('messages on the wire', () => {
  it('drops messages already in flight when a partition arrives before they do', () => {
    const sim = simulate(
      scenario({
        protocol: 'raft',
        network: { latencyMs: [40, 40] },
        events: [
          { at: 0, type: 'timeout', node: 'n1' },
          { at: 20, type: 'partition', groups: [['n1']] },
        ],
      }),
      100,
    );
    const votes = sim.trace.filter((r) => r.kind === 'send' && r.type === 'RequestVote');
    expect(votes).toHaveLength(4);
    const drops = sim.trace.filter((r) => r.kind === 'drop' && r.type === 'RequestVote');
    expect(drops.map((d) => d.kind === 'drop' && d.reason)).toEqual([
      'partition',
      'partition',
      'partition',
      'partition',
    ]);
    expect(drops.every((d) => d.t === 40)).toBe(true);
  });

  it('drops messages to a crashed node on arrival, and delivers what it sent before crashing', () => {
    const sim = simulate(
      scenario({
        protocol: 'raft',
        network: { latencyMs: [30, 30] },
        events: [
          { at: 0, type: 'timeout', node: 'n1' },
          { at: 10, type: 'crash', node: 'n1' },
        ],
      }),
      100,
    );
    expect(sim.trace.filter((r) => r.kind === 'deliver' && r.type === 'RequestVote')).toHaveLength(4);
    const replies = sim.trace.filter((r) => r.kind === 'drop' && r.type === 'RequestVoteReply');
    expect(replies.map((r) => r.kind === 'drop' && r.reason)).toEqual(['crashed', 'crashed', 'crashed', 'crashed']);
  });

  it('loses messages on a lossy link partway, and duplicates on a duplicating one', () => {
    const lossy = simulate(scenario({ protocol: 'raft', network: { latencyMs: [10, 30], loss: 0.5 } }), 3000);
    const lost = lossy.trace.filter((r) => r.kind === 'drop' && r.reason === 'loss');
    expect(lost.length).toBeGreaterThan(10);
    const dup = simulate(scenario({ protocol: 'raft', network: { latencyMs: [10, 30], duplicate: 0.5 } }), 3000);
    expect(dup.trace.some((r) => r.kind === 'send' && r.duplicateOf !== undefined)).toBe(true);
    expect(dup.violations).toEqual([]);
  });

  it('lets the user drop or duplicate one message by id', () => {
    const sim = simulate(scenario({ protocol: 'raft', events: [{ at: 0, type: 'timeout', node: 'n1' }] }), 0);
    const [first, second] = sim.messagesInFlight();
    sim.apply({ at: 1, type: 'drop', message: first?.id as number });
    sim.apply({ at: 1, type: 'duplicate', message: second?.id as number });
    sim.apply({ at: 2, type: 'drop', message: 999 });
    sim.runUntil(2);
    expect(sim.trace.find((r) => r.kind === 'drop' && r.reason === 'user')).toMatchObject({ id: first?.id });
    expect(sim.trace.find((r) => r.kind === 'send' && r.duplicateOf === second?.id)).toBeDefined();
    expect(sim.skipped).toEqual([{ at: 2, type: 'drop', reason: 'message 999 is not in flight' }]);
  });
});

describe('a one-way link override (spec/protocols.md §1.2)', () => {
  it('slows n1 to n2 only: messages back keep the network model', () => {
    const sim = simulate(
      scenario({
        protocol: 'raft',
        nodes: 2,
        network: { latencyMs: [10, 10] },
        events: [{ at: 0, type: 'link', from: 'n1', to: 'n2', latencyMs: [90, 90], oneWay: true }],
      }),
      2000,
    );
    const delays = (from: string) =>
      new Set(
        sim.trace.flatMap((r) => (r.kind === 'send' && r.from === from && r.deliverAt ? [r.deliverAt - r.t] : [])),
      );
    expect([...delays('n1')]).toEqual([90]);
    expect([...delays('n2')]).toEqual([10]);
    expect(sim.network.linkModel('n2', 'n1').latencyMs).toEqual([10, 10]);
  });
});
