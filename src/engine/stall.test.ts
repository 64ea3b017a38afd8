import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { parseScenario } from '../scenario/parse';
import { createSimulation, summarize } from '../scenario/run';
import { tickContext, tickProtocol } from '../testing/tickProtocol';
import type { Simulation } from './simulation';
import type { TraceRecord } from './types';

const lookup = (id: string) => (id === 'tick' ? tickProtocol : getProtocol(id));

function run(fields: Record<string, unknown>, untilMs: number): Simulation {
  const file = { format: 'netsplit-scenario', version: 1, seed: 7, nodes: 3, ...fields };
  const parsed = parseScenario(file, lookup);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const sim = createSimulation(parsed.scenario, lookup);
  sim.runUntil(untilMs);
  return sim;
}

const seen = (sim: Simulation, id: string) => tickContext(sim.node(id)?.snapshot.context).seen;
const records = (sim: Simulation, kind: TraceRecord['kind']) => sim.trace.filter((r) => r.kind === kind);

describe('stall (spec/protocols.md §1.3)', () => {
  const tick = { protocol: 'tick', network: { latencyMs: [10, 10] } };

  it('hands the held timer at the end with dueAt, then the held messages in arrival order with arrivedAt', () => {
    const sim = run(
      {
        ...tick,
        events: [
          { at: 900, type: 'stall', node: 'n1', durationMs: 600 },
          { at: 1100, type: 'request', node: 'n2', command: 'ping' },
          { at: 1200, type: 'request', node: 'n3', command: 'ping' },
          { at: 1300, type: 'request', node: 'n1', command: 'ping' },
        ],
      },
      2000,
    );
    expect(sim.trace).toContainEqual({ t: 900, kind: 'fault', type: 'stall', node: 'n1', durationMs: 600 });
    const handed = seen(sim, 'n1').filter((e) => e.at >= 900 && e.at <= 1500);
    // Nothing reached the machine during the stall; at its end, the timer first, then Pings, then the request.
    expect(handed.map((e) => `${e.at} ${e.type}`)).toEqual(['1500 tick', '1500 Ping', '1500 Ping', '1500 request']);
    const timer = records(sim, 'timer').find((r) => r.t === 1500 && r.kind === 'timer' && r.node === 'n1');
    expect(timer).toMatchObject({ dueAt: 1000 });
    const delivered = records(sim, 'deliver').filter((r) => r.kind === 'deliver' && r.to === 'n1' && r.t === 1500);
    expect(delivered.map((r) => (r.kind === 'deliver' ? [r.from, r.arrivedAt] : null))).toEqual([
      ['n2', 1110],
      ['n3', 1210],
    ]);
    // The timer handed at 1500 runs on from there: its next tick is due a full tickMs later.
    expect(summarize(sim).nodes[0]).not.toHaveProperty('stalledUntil');
    sim.runUntil(2600);
    expect(
      seen(sim, 'n1')
        .filter((e) => e.type === 'tick')
        .map((e) => e.at),
    ).toEqual([1500, 2500]);
  });

  it('a second stall extends to the later end; the runner reports stalledUntil', () => {
    const sim = run(
      {
        ...tick,
        events: [
          { at: 500, type: 'stall', node: 'n2', durationMs: 1000 },
          { at: 700, type: 'stall', node: 'n2', durationMs: 200 },
          { at: 800, type: 'stall', node: 'n2', durationMs: 1500 },
        ],
      },
      2000,
    );
    expect(seen(sim, 'n2').map((e) => e.at)).toEqual([]);
    expect(summarize(sim).nodes[1]).toMatchObject({ id: 'n2', stalledUntil: 2300 });
    sim.runUntil(2400);
    expect(seen(sim, 'n2').map((e) => `${e.at} ${e.type}`)).toEqual(['2300 tick']);
  });

  it('a crash ends the stall: held messages are dropped (crashed), held timers discarded', () => {
    const sim = run(
      {
        ...tick,
        events: [
          { at: 900, type: 'stall', node: 'n1', durationMs: 600 },
          { at: 1100, type: 'request', node: 'n2', command: 'ping' },
          { at: 1200, type: 'crash', node: 'n1' },
          { at: 1300, type: 'restart', node: 'n1' },
        ],
      },
      1600,
    );
    const drop = records(sim, 'drop').find((r) => r.kind === 'drop' && r.to === 'n1');
    expect(drop).toMatchObject({ t: 1200, from: 'n2', reason: 'crashed' });
    expect(records(sim, 'timer').filter((r) => r.kind === 'timer' && r.node === 'n1' && r.dueAt !== undefined)).toEqual(
      [],
    );
    // Restarted at 1300, it ticks at 2300 and was never handed the stall's leftovers at 1500.
    expect(seen(sim, 'n1')).toEqual([]);
  });

  it('a timeout on a stalled node, and a stall of a crashed node, are skipped with the reason', () => {
    const sim = run(
      {
        protocol: 'raft',
        events: [
          { at: 100, type: 'stall', node: 'n2', durationMs: 500 },
          { at: 200, type: 'timeout', node: 'n2' },
          { at: 300, type: 'crash', node: 'n3' },
          { at: 400, type: 'stall', node: 'n3', durationMs: 500 },
        ],
      },
      1000,
    );
    expect(sim.skipped).toEqual([
      { at: 200, type: 'timeout', reason: 'n2 is stalled' },
      { at: 400, type: 'stall', reason: 'n3 is crashed' },
    ]);
  });

  it('a stalled Raft leader: its heartbeat fires late and the AppendEntries replies held for it arrive after', () => {
    const until = 1500;
    const probe = run({ protocol: 'raft' }, until);
    const leader = probe.nodeIds().find((id) => probe.view(id)?.role === 'leader') as string;
    const sim = run({ protocol: 'raft', events: [{ at: until, type: 'stall', node: leader, durationMs: 700 }] }, 3000);
    const end = until + 700;
    const late = records(sim, 'timer').filter((r) => r.kind === 'timer' && r.node === leader && r.dueAt !== undefined);
    expect(late.length).toBeGreaterThan(0);
    for (const r of late) if (r.kind === 'timer') expect(r.t === end && (r.dueAt as number) < end).toBe(true);
    const held = records(sim, 'deliver').filter((r) => r.kind === 'deliver' && r.to === leader && r.arrivedAt);
    expect(held.length).toBeGreaterThan(0);
    const arrivals = held.map((r) => (r.kind === 'deliver' ? (r.arrivedAt as number) : 0));
    expect(arrivals).toEqual([...arrivals].sort((a, b) => a - b));
    for (const r of held) expect(r.t).toBe(end);
    // Held timers are handed before held messages (§1.3).
    const firstMessage = sim.trace.indexOf(held[0] as TraceRecord);
    expect(sim.trace.indexOf(late[0] as TraceRecord)).toBeLessThan(firstMessage);
    // Nothing was delivered to it while it stood still.
    const during = sim.trace.filter((r) => r.kind === 'deliver' && r.to === leader && r.t > until && r.t < end);
    expect(during).toEqual([]);
  });

  it('restoring a snapshot taken mid-stall replays the same future', () => {
    const sim = run(
      {
        ...tick,
        events: [
          { at: 900, type: 'stall', node: 'n1', durationMs: 600 },
          { at: 1100, type: 'request', node: 'n2', command: 'ping' },
          { at: 1300, type: 'request', node: 'n1', command: 'ping' },
        ],
      },
      1250,
    );
    const saved = sim.snapshot();
    sim.runUntil(3000);
    const hash = sim.traceHash;
    sim.restore(saved);
    expect(sim.node('n1')?.stall?.untilMs).toBe(1500);
    sim.runUntil(3000);
    expect(sim.traceHash).toBe(hash);
  });
});

describe('a stalled Raft follower', () => {
  it('gets the AppendEntries held for it after the stall, each with when it arrived', () => {
    const probe = run({ protocol: 'raft' }, 1500);
    const follower = probe.nodeIds().find((id) => probe.view(id)?.role === 'follower') as string;
    const sim = run({ protocol: 'raft', events: [{ at: 1500, type: 'stall', node: follower, durationMs: 100 }] }, 2000);
    const held = sim.trace.filter((r) => r.kind === 'deliver' && r.to === follower && r.arrivedAt !== undefined);
    expect(held.length).toBeGreaterThan(0);
    for (const r of held) {
      expect(r).toMatchObject({ t: 1600, type: 'AppendEntries' });
      if (r.kind === 'deliver') expect(r.arrivedAt).toBeGreaterThan(1500);
    }
  });
});
