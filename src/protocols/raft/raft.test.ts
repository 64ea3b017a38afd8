import { describe, expect, it } from 'vitest';
import { preset, scenario, simulate, state } from '../../testing/scenarios';

const raft = (fields: Record<string, unknown>) => scenario({ protocol: 'raft', ...fields });
const leaders = (sim: ReturnType<typeof simulate>) =>
  sim.nodeIds().filter((id) => sim.node(id)?.isUp && state(sim, id).role === 'leader');

describe('raft elections', () => {
  it('elects exactly one leader from a cold start, and everyone follows its term', () => {
    const sim = simulate(raft({ seed: 42 }), 1000);
    const [leader, ...others] = leaders(sim);
    expect(leader).toBeDefined();
    expect(others).toEqual([]);
    const term = state(sim, leader as string).term;
    expect(term).toBeGreaterThanOrEqual(1);
    for (const id of sim.nodeIds()) expect(state(sim, id)).toMatchObject({ term, leaderId: leader });
  });

  it('re-elects after the leader crashes, in a higher term', () => {
    const sim = simulate(raft({ seed: 9, events: [{ at: 1000, type: 'crash', node: 'leader' }] }), 999);
    const [old] = leaders(sim);
    const oldTerm = state(sim, old as string).term;
    sim.runUntil(2500);
    const [next] = leaders(sim);
    expect(next).toBeDefined();
    expect(next).not.toBe(old);
    expect(state(sim, next as string).term).toBeGreaterThan(oldTerm);
  });

  it('recovers from a split vote in a later term', () => {
    const sim = simulate(preset('raft/split-vote'), 130);
    expect(state(sim, 'n1')).toMatchObject({ role: 'candidate', term: 1, votes: ['n1', 'n3'] });
    expect(state(sim, 'n2')).toMatchObject({ role: 'candidate', term: 1, votes: ['n2', 'n4'] });
    sim.runUntil(2000);
    const [leader] = leaders(sim);
    expect(state(sim, leader as string).term).toBeGreaterThanOrEqual(2);
  });

  it('lets a single server elect itself and commit alone', () => {
    const sim = simulate(raft({ nodes: 1, events: [{ at: 500, type: 'request', command: 'x=1' }] }), 1000);
    expect(state(sim, 'n1')).toMatchObject({ role: 'leader', commitIndex: 1 });
  });

  it('starts an election at once when a `timeout` input fires the timer', () => {
    const sim = simulate(raft({ events: [{ at: 10, type: 'timeout', node: 'n3' }] }), 10);
    expect(state(sim, 'n3')).toMatchObject({ role: 'candidate', term: 1, votedFor: 'n3' });
  });
});

describe('raft replication', () => {
  it('commits a client write on every server and answers the client', () => {
    const sim = simulate(preset('raft/first-election'), 3000);
    for (const id of sim.nodeIds()) {
      expect(state(sim, id).commitIndex).toBe(2);
      expect(state(sim, id).log.map((e: { command: string }) => e.command)).toEqual(['x=1', 'y=2']);
    }
    const replies = sim.trace.filter((r) => r.kind === 'reply');
    expect(replies).toMatchObject([
      { command: 'x=1', ok: true },
      { command: 'y=2', ok: true },
    ]);
  });

  it('rejects a write sent to a follower, naming the leader', () => {
    const sim = simulate(raft({ seed: 42 }), 1000);
    const [leader] = leaders(sim);
    const follower = sim.nodeIds().find((id) => id !== leader) as string;
    sim.apply({ at: 1000, type: 'request', command: 'x=1', node: follower });
    sim.runUntil(1000);
    expect(sim.trace.at(-1)).toMatchObject({
      kind: 'reply',
      node: follower,
      ok: false,
      note: `not the leader; try ${leader}`,
    });
  });

  it('never commits on the minority side, while the majority side does', () => {
    const sim = simulate(preset('raft/minority-partition'), 2900);
    const oldLeader = state(sim, 'n5');
    expect(oldLeader.role).toBe('leader');
    expect(oldLeader.log.map((e: { command: string }) => e.command)).toEqual(['x=1', 'lost=1']);
    expect(oldLeader.commitIndex).toBe(1);
    expect(state(sim, 'n4').commitIndex).toBe(1);
    for (const id of ['n1', 'n2', 'n3']) {
      expect(state(sim, id).commitIndex).toBe(2);
      expect(state(sim, id).log[1].command).toBe('y=2');
    }
    sim.runUntil(5000);
    expect(state(sim, 'n5').role).toBe('follower');
    expect(state(sim, 'n5').log.map((e: { command: string }) => e.command)).toEqual(['x=1', 'y=2']);
    expect(sim.violations).toEqual([]);
  });

  it("repairs every follower log of Figure 7 to the new leader's", () => {
    const sim = simulate(preset('raft/figure-7'), 2000);
    expect(state(sim, 'top')).toMatchObject({ role: 'leader', term: 8 });
    const terms = (id: string) => state(sim, id).log.map((e: { term: number }) => e.term);
    const expected = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8];
    for (const id of sim.nodeIds()) {
      expect(terms(id)).toEqual(expected);
      expect(state(sim, id).commitIndex).toBe(11);
    }
    expect(sim.violations).toEqual([]);
  });

  it('keeps a stale leader from committing, then brings it up to date', () => {
    const sim = simulate(preset('raft/stale-leader'), 4000);
    const [leader] = leaders(sim);
    expect(leader).not.toBe('n5');
    expect(state(sim, 'n5')).toMatchObject({ role: 'follower', commitIndex: 3 });
    expect(sim.violations).toEqual([]);
  });
});

describe('raft safety', () => {
  it('is safe in Figure 8: an old-term entry on a majority is not committed by counting', () => {
    const sim = simulate(preset('raft/figure-8'), 350);
    expect(state(sim, 's1')).toMatchObject({ role: 'leader', term: 4, commitIndex: 0 });
    expect(state(sim, 's3').log).toHaveLength(2);
    sim.runUntil(2000);
    expect(sim.violations).toEqual([]);
  });

  it('breaks state machine safety in Figure 8 with the commit-old-term bug', () => {
    const sim = simulate(preset('raft/figure-8-bug'), 2000);
    const broken = new Set(sim.violations.map((v) => v.invariant));
    expect(broken).toContain('state-machine-safety');
    expect(broken).toContain('leader-completeness');
    expect(sim.trace.filter((r) => r.kind === 'violation').length).toBe(sim.violations.length);
  });

  it('keeps term, vote and log across a crash, and loses the commit index', () => {
    const sim = simulate(preset('raft/first-election'), 2000);
    const before = state(sim, 'n2');
    sim.apply({ at: 2000, type: 'crash', node: 'n2' });
    sim.apply({ at: 2100, type: 'restart', node: 'n2' });
    sim.runUntil(2100);
    expect(state(sim, 'n2')).toMatchObject({
      term: before.term,
      votedFor: before.votedFor,
      log: before.log,
      commitIndex: 0,
    });
  });

  it('with PreVote, a rejoining server does not depose a healthy leader', () => {
    const withPreVote = simulate(preset('raft/prevote-rejoin'), 4000);
    expect(state(withPreVote, 'n5')).toMatchObject({ role: 'leader', term: 1 });
    expect(state(withPreVote, 'n2').term).toBe(1);

    const without = simulate(preset('raft/disruptive-rejoin'), 4000);
    expect(state(without, 'n5').role).not.toBe('leader');
    expect(Math.max(...without.nodeIds().map((id) => state(without, id).term))).toBeGreaterThan(3);
  });
});
