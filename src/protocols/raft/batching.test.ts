import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../engine/simulation';
import { scenario, simulate, state } from '../../testing/scenarios';

/** AppendEntries sent from `fromMs` on, counted from the trace. */
function appendEntriesSince(sim: Simulation, fromMs: number): number {
  return sim.trace.filter((r) => r.kind === 'send' && r.t >= fromMs && r.type === 'AppendEntries').length;
}

/** A five-node cluster that has elected its leader by 3 s, with `count` requests at that one instant. */
function burst(count: number) {
  const events = Array.from({ length: count }, (_, i) => ({ at: 3000, type: 'request', command: `x=${i}` }));
  return simulate(scenario({ protocol: 'raft', seed: 1, nodes: 5, events }), 6000);
}

describe('raft batches a burst of requests into the next AppendEntries (thesis §10.2)', () => {
  it('sends a bounded number of AppendEntries per request, however large the burst', () => {
    const heartbeatsOnly = appendEntriesSince(burst(0), 3000);
    for (const count of [10, 300]) {
      const sim = burst(count);
      const perRequest = (appendEntriesSince(sim, 3000) - heartbeatsOnly) / count;
      // Before batching, 100 requests at one instant sent about 22 AppendEntries each, 1,000 about 150.
      expect(perRequest).toBeLessThanOrEqual(1);
      const replies = sim.trace.filter((r) => r.kind === 'reply' && r.ok);
      expect(replies).toHaveLength(count);
    }
  });

  it('still replicates a single request at once to every follower', () => {
    const sim = simulate(
      scenario({ protocol: 'raft', seed: 1, nodes: 5, events: [{ at: 3000, type: 'request', command: 'x=1' }] }),
      3000,
    );
    const sent = sim.trace.filter((r) => r.kind === 'send' && r.t === 3000 && r.type === 'AppendEntries');
    expect(sent).toHaveLength(4);
    const leader = sim.nodeIds().find((id) => state(sim, id).role === 'leader') as string;
    expect(state(sim, leader).log.at(-1)).toEqual({ term: state(sim, leader).term, command: 'x=1' });
  });
  it('commits every request of a burst though messages are lost and duplicated (the heartbeat resends)', () => {
    const events = Array.from({ length: 200 }, (_, i) => ({ at: 3000, type: 'request', command: `x=${i}` }));
    const network = { latencyMs: [10, 30], loss: 0.2, duplicate: 0.1 };
    const sim = simulate(scenario({ protocol: 'raft', seed: 3, nodes: 5, network, events }), 20_000);
    const committed = sim.trace.filter((r) => r.kind === 'reply' && r.ok);
    expect(committed).toHaveLength(200);
  });
});
