import { describe, expect, it } from 'vitest';
import { scenario, simulate } from '../../testing/scenarios';

/**
 * Figure 2 restarts a follower's election timer only when it grants a vote or hears AppendEntries from
 * the current leader (rules for followers). A higher term alone converts a server to follower; a server
 * that is a follower already keeps the deadline it had (LogCabin's stepDown does the same).
 */
const timersOf = (sim: ReturnType<typeof simulate>, node: string) =>
  sim.trace.filter((r) => r.kind === 'timer' && r.node === node).map((r) => r.t);

// n1 has the shorter log and times out at 50 ms; n2 and n3 must refuse it (§5.4.1) and keep their deadlines.
const refusedCandidate = (config: Record<string, unknown> = {}) =>
  scenario({
    protocol: 'raft',
    nodes: 3,
    config: { electionTimeoutMs: [300, 300], ...config },
    network: { latencyMs: [7, 7], loss: 0, duplicate: 0 },
    initial: {
      n1: { term: 1, log: [1] },
      n2: { term: 1, log: [1, 1] },
      n3: { term: 1, log: [1, 1] },
    },
    events: [{ at: 50, type: 'timeout', node: 'n1' }],
  });

describe('raft election timers (Figure 2)', () => {
  it('a follower that rejects a RequestVote of a higher term keeps its election deadline', () => {
    const sim = simulate(refusedCandidate(), 400);
    const reply = sim.trace.find((r) => r.kind === 'send' && r.from === 'n2' && r.type === 'RequestVoteReply');
    expect(reply).toMatchObject({ t: 57, message: { term: 2, voteGranted: false } });
    expect(timersOf(sim, 'n2')[0]).toBe(300);
    expect(timersOf(sim, 'n3')[0]).toBe(300);
  });

  it('a follower that grants a vote restarts its election timer', () => {
    const sim = simulate(
      scenario({
        protocol: 'raft',
        nodes: 3,
        config: { electionTimeoutMs: [300, 300] },
        network: { latencyMs: [7, 7], loss: 0, duplicate: 0 },
        events: [{ at: 50, type: 'timeout', node: 'n1' }],
      }),
      400,
    );
    const reply = sim.trace.find((r) => r.kind === 'send' && r.from === 'n2' && r.type === 'RequestVoteReply');
    expect(reply).toMatchObject({ t: 57, message: { term: 1, voteGranted: true } });
    // n1 became leader at 64 ms and its heartbeats (every 50 ms) keep n2 from ever timing out.
    expect(timersOf(sim, 'n2')).toEqual([]);
  });

  it('a follower that refuses a pre-vote keeps its election deadline (thesis §9.6: a pre-vote changes no state)', () => {
    const sim = simulate(refusedCandidate({ preVote: true }), 400);
    const reply = sim.trace.find((r) => r.kind === 'send' && r.from === 'n2' && r.type === 'PreVoteReply');
    expect(reply).toMatchObject({ t: 57, message: { voteGranted: false } });
    expect(timersOf(sim, 'n2')[0]).toBe(300);
  });

  it('a follower that refuses a RequestVote of an older term keeps its deadline', () => {
    const sim = simulate(
      scenario({
        protocol: 'raft',
        nodes: 3,
        config: { electionTimeoutMs: [300, 300] },
        network: { latencyMs: [7, 7], loss: 0, duplicate: 0 },
        initial: { n1: { term: 1 }, n2: { term: 3 }, n3: { term: 3 } },
        // n1 was away and is two terms behind: its term-2 candidacy is refused outright (§5.1).
        events: [{ at: 50, type: 'timeout', node: 'n1' }],
      }),
      400,
    );
    expect(sim.trace.find((r) => r.kind === 'send' && r.from === 'n2' && r.type === 'RequestVoteReply')).toMatchObject({
      message: { term: 3, voteGranted: false },
    });
    expect(timersOf(sim, 'n2')[0]).toBe(300);
  });
});
