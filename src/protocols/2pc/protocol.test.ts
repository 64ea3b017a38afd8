import { describe, expect, it } from 'vitest';
import { play, replies, scenario, states, tx } from './testkit';

const request = (at: number, command: string) => ({ at, type: 'request', command });
/** Every message takes exactly 20 ms, so a test can cut a link between two known steps. */
const fixedLatency = { latencyMs: [20, 20], loss: 0, duplicate: 0 };

describe('two-phase commit', () => {
  it('commits a transaction at every node when every participant votes yes', () => {
    const sim = play({ nodes: 4, events: [request(100, 't1')] }, 1000);
    expect(states(sim, 't1')).toEqual(['committed', 'committed', 'committed', 'committed']);
    expect(tx(sim, 'n1', 't1')).toEqual({ state: 'committed', votes: { n2: 'yes', n3: 'yes', n4: 'yes' } });
    expect(tx(sim, 'n2', 't1')).toEqual({ state: 'committed', vote: 'yes' });
    expect(replies(sim, 't1')).toEqual([{ ok: true, note: 't1 committed: every participant voted yes' }]);
    expect(sim.violations).toEqual([]);
  });

  it('aborts everywhere when one participant votes no, and only that transaction', () => {
    const sim = play(
      { nodes: 4, config: { noVotes: ['n3:t2'] }, events: [request(100, 't1'), request(100, 't2')] },
      1000,
    );
    expect(states(sim, 't1')).toEqual(['committed', 'committed', 'committed', 'committed']);
    expect(states(sim, 't2')).toEqual(['aborted', 'aborted', 'aborted', 'aborted']);
    expect(tx(sim, 'n3', 't2')).toEqual({ state: 'aborted', vote: 'no' });
    expect(replies(sim, 't2')).toEqual([{ ok: false, note: 't2 aborted: n3 voted no' }]);
    expect(sim.violations).toEqual([]);
  });

  it('a participant listed without a transaction votes no on every transaction', () => {
    const sim = play({ config: { noVotes: ['n2'] }, events: [request(100, 't1'), request(300, 't2')] }, 1000);
    expect(states(sim, 't1')).toEqual(['aborted', 'aborted', 'aborted']);
    expect(states(sim, 't2')).toEqual(['aborted', 'aborted', 'aborted']);
  });

  it('aborts on the vote timeout when a participant is partitioned away before it votes', () => {
    const events = [{ at: 0, type: 'partition', groups: [['n1', 'n2'], ['n3']] }, request(100, 't1')];
    const sim = play({ events: [...events, { at: 1000, type: 'heal' }] }, 700);
    expect(tx(sim, 'n1', 't1')).toEqual({ state: 'aborted', votes: { n2: 'yes' } });
    expect(tx(sim, 'n2', 't1')).toEqual({ state: 'aborted', vote: 'yes' });
    expect(tx(sim, 'n3', 't1')).toBeUndefined();
    expect(replies(sim, 't1')).toEqual([{ ok: false, note: 't1 aborted: no vote from n3 within 500 ms' }]);
    expect(sim.trace.some((r) => r.kind === 'timer' && r.node === 'n1' && r.name === 'vote-timeout')).toBe(true);
    // After the heal the coordinator's retries reach n3, which never voted and simply aborts.
    sim.runUntil(2000);
    expect(tx(sim, 'n3', 't1')).toEqual({ state: 'aborted', vote: null });
    expect(sim.violations).toEqual([]);
  });

  it('blocks prepared participants while the coordinator is down, then finishes from its log', () => {
    const crash = [request(100, 't1'), { at: 105, type: 'crash', node: 'leader' }];
    const sim = play({ events: [...crash, { at: 3000, type: 'restart', node: 'n1' }] }, 2900);
    // Long after the crash they are still prepared: they voted yes, so they may not decide alone.
    expect(states(sim, 't1')).toEqual(['collecting', 'prepared', 'prepared']);
    const inquiries = sim.trace.filter((r) => r.kind === 'send' && r.type === 'DecisionRequest');
    expect(inquiries.length).toBeGreaterThan(4);
    // No decision in the log: the restarted coordinator presumes abort and tells everyone.
    sim.runUntil(4000);
    expect(states(sim, 't1')).toEqual(['aborted', 'aborted', 'aborted']);
    expect(sim.violations).toEqual([]);
  });

  it('a coordinator that logged commit before crashing commits everywhere after it restarts', () => {
    const events = [
      request(100, 't1'), // votes arrive at 140: n1 logs commit and sends Commit
      { at: 150, type: 'partition', groups: [['n1'], ['n2', 'n3']] }, // the Commits die on the wire
      { at: 200, type: 'crash', node: 'n1' },
      { at: 300, type: 'heal' },
      { at: 2000, type: 'restart', node: 'n1' },
    ];
    const sim = play({ network: fixedLatency, events }, 1900);
    expect(states(sim, 't1')).toEqual(['committed', 'prepared', 'prepared']);
    sim.runUntil(3000);
    expect(states(sim, 't1')).toEqual(['committed', 'committed', 'committed']);
    expect(sim.violations).toEqual([]);
  });

  it('a prepared participant that crashes is still prepared after its restart, and learns the decision', () => {
    const events = [
      request(100, 't1'), // n2 votes yes at 120
      { at: 130, type: 'crash', node: 'n2' }, // before the Commit arrives at 160
      { at: 1000, type: 'restart', node: 'n2' },
    ];
    const sim = play({ network: fixedLatency, events }, 1000);
    expect(tx(sim, 'n2', 't1')).toEqual({ state: 'prepared', vote: 'yes' });
    sim.runUntil(1500);
    expect(states(sim, 't1')).toEqual(['committed', 'committed', 'committed']);
  });

  it('answers a repeated request instead of starting the transaction again', () => {
    const sim = play({ events: [request(100, 't1'), request(600, 't1')] }, 1000);
    expect(sim.trace.filter((r) => r.kind === 'send' && r.type === 'Prepare')).toHaveLength(2);
    expect(replies(sim, 't1')).toEqual([
      { ok: true, note: 't1 committed: every participant voted yes' },
      { ok: true, note: 't1 was already committed' },
    ]);
  });

  it('rejects a request while the coordinator is down, and one sent to a participant', () => {
    const events = [{ at: 50, type: 'crash', node: 'n1' }, request(100, 't1'), { ...request(100, 't2'), node: 'n2' }];
    const sim = play({ events }, 500);
    expect(sim.trace.find((r) => r.kind === 'request' && r.command === 't1')).toMatchObject({ node: null });
    expect(replies(sim, 't2')).toEqual([{ ok: false, note: 'not the coordinator; send it to n1' }]);
  });

  it('finishes every transaction alike on a network that loses and duplicates messages', () => {
    const network = { latencyMs: [5, 40], loss: 0.3, duplicate: 0.3 };
    const events = ['t1', 't2', 't3', 't4'].map((id, i) => request(100 + 50 * i, id));
    const sim = play({ nodes: 4, network, events }, 10_000);
    for (const id of ['t1', 't2', 't3', 't4']) {
      const outcome = states(sim, id);
      expect(['committed', 'aborted']).toContain(outcome[0]);
      expect(outcome).toEqual([outcome[0], outcome[0], outcome[0], outcome[0]]);
    }
    expect(sim.violations).toEqual([]);
  });

  it('replays the same run from the same scenario', () => {
    const fields = { seed: 9, network: { latencyMs: [5, 40], loss: 0.2, duplicate: 0.1 }, events: [request(0, 't1')] };
    expect(play(fields, 3000).traceHash).toBe(play(fields, 3000).traceHash);
    expect(scenario(fields).config).toEqual({ noVotes: [], voteTimeoutMs: 500, retryMs: 200 });
  });
});
