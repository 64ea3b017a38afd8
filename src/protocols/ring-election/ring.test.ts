import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../engine/simulation';
import { getProtocol } from '../../protocols';
import { parseScenario } from '../../scenario/parse';
import { runScenario } from '../../scenario/run';
import { preset, scenario, simulate, state } from '../../testing/scenarios';
import { harmonic, messagesSent, textbookCounts } from './facts';

/** Chang and Roberts' ring election run as a student would: from scenario files, reading views and counts. */

const ring = (fields: Record<string, unknown>) =>
  scenario({ protocol: 'ring-election', network: { latencyMs: [5, 40], loss: 0, duplicate: 0 }, ...fields });
/** Every link as slow as every other: the paper's counts (see the last test of the counts for unequal delays). */
const evenRing = (fields: Record<string, unknown>) =>
  ring({ network: { latencyMs: [10, 10], loss: 0, duplicate: 0 }, ...fields });
const leaders = (sim: Simulation) => sim.nodeIds().filter((id) => state(sim, id).isLeader);
const told = (sim: Simulation) => sim.nodeIds().map((id) => state(sim, id).leader);
const uids = (sim: Simulation) => sim.nodeIds().map((id) => state(sim, id).uid);
const electionCount = (sim: Simulation) => messagesSent(sim.trace).election;

function permutations(items: readonly number[]): number[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]));
}

describe('ring election (Chang and Roberts 1979)', () => {
  it.each([1, 2, 3, 5, 8, 13])('n = %i, uids ascending: the best case, 2n - 1 Election messages and n Elected', (n) => {
    const sim = simulate(evenRing({ nodes: n, config: { uids: 'ascending' } }), 5000);
    expect(electionCount(sim)).toBe(2 * n - 1);
    expect(messagesSent(sim.trace).elected).toBe(n);
    expect(leaders(sim)).toEqual([`n${n}`]);
    expect(told(sim)).toEqual(Array(n).fill(n));
    expect(sim.violations).toEqual([]);
  });

  it.each([1, 2, 3, 5, 8, 13])('n = %i, uids descending: the worst case, n(n + 1)/2 Election messages', (n) => {
    const sim = simulate(evenRing({ nodes: n, config: { uids: 'descending' } }), 5000);
    expect(electionCount(sim)).toBe((n * (n + 1)) / 2);
    expect(leaders(sim)).toEqual(['n1']);
    expect(sim.violations).toEqual([]);
  });

  it('over all 120 orders of 5 uids the mean is exactly n H_n, and every count lies between 2n - 1 and n(n + 1)/2', () => {
    const counts = permutations([1, 2, 3, 4, 5]).map((order) => {
      const sim = simulate(evenRing({ nodes: 5, config: { uids: order } }), 3000);
      expect(leaders(sim)).toEqual([`n${order.indexOf(5) + 1}`]);
      expect(sim.violations).toEqual([]);
      return electionCount(sim);
    });
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeCloseTo(5 * harmonic(5), 10);
    expect(Math.min(...counts)).toBe(9);
    expect(Math.max(...counts)).toBe(15);
  });

  it('with unequal delays Elected can overtake a dying uid: the process it reset replaces that uid, a fresh round', () => {
    const sim = simulate(ring({ nodes: 13, config: { uids: 'descending' } }), 5000);
    // A process that Elected has reached is a non-participant again when a late, smaller uid reaches it: it enters
    // its own once more, and that round goes on. Still one leader, the largest; only the count passes the worst case.
    expect(electionCount(sim)).toBeGreaterThan((13 * 14) / 2);
    expect(leaders(sim)).toEqual(['n1']);
    expect(told(sim)).toEqual(Array(13).fill(13));
    expect(sim.violations).toEqual([]);
  });

  it('the lecture counts 15 Election and 6 Elected messages by its third pause, as its question says', () => {
    const sim = simulate(preset('ring-election/lecture'), 6500);
    expect(messagesSent(sim.trace)).toEqual({ election: 15, elected: 6, n: 6 });
    expect(textbookCounts(6)).toEqual({ best: 11, average: 14.7, worst: 21 });
  });

  it('reports the count against the textbook in the fact electionMessages', () => {
    const run = runScenario(preset('ring-election/worst-case'), getProtocol);
    expect(run.summary.facts).toEqual({
      electionMessages: { count: 21, best: 11, average: 14.7, worst: 21, elected: 6, n: 6 },
    });
    expect(textbookCounts(8)).toEqual({ best: 15, average: 21.74, worst: 36 });
  });

  it('plots the messages in flight: one per process at the start, then only the largest uid', () => {
    const run = runScenario(preset('ring-election/best-case'), getProtocol);
    const points = run.summary.series?.messagesInFlight ?? [];
    expect(points.find(([t]) => t === 0)).toEqual([0, 6]);
    expect(points.find(([t]) => t === 300)).toEqual([300, 1]);
    expect(points.at(-1)).toEqual([6000, 0]);
  });

  it('draws a random permutation of 1..n from the seed: the same on every start, another for another seed', () => {
    const order = (seed: number) => uids(simulate(ring({ seed, nodes: 7 }), 10));
    expect([...order(1)].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(order(1)).toEqual(order(1));
    expect([2, 3, 4, 5].some((seed) => order(seed).join() !== order(1).join())).toBe(true);
  });

  it('elects the largest uid of any distinct integers, and no process but the largest ever leads', () => {
    const sim = simulate(ring({ nodes: 4, config: { uids: [-7, 40, 12, 39] } }), 2000);
    expect(leaders(sim)).toEqual(['n2']);
    expect(told(sim)).toEqual([40, 40, 40, 40]);
  });

  it('with initiators none waits for a request elect; a lone initiator still elects the largest', () => {
    const quiet = simulate(ring({ nodes: 5, config: { uids: 'ascending', initiators: 'none' } }), 1000);
    expect(sim0(quiet)).toEqual({ sent: 0, leaders: [] });
    const sim = simulate(
      ring({
        nodes: 5,
        config: { uids: 'ascending', initiators: 'none' },
        events: [{ at: 10, type: 'request', node: 'n1', command: 'elect' }],
      }),
      2000,
    );
    // n1's uid 1 is replaced by 2 at n2, 2 by 3 at n3, ...: n - 1 hops up to n5, then 5 goes round (n hops).
    expect(electionCount(sim)).toBe(4 + 5);
    expect(leaders(sim)).toEqual(['n5']);
    const replies = sim.trace.filter((r) => r.kind === 'reply').map((r) => (r.kind === 'reply' ? r.note : ''));
    expect(replies).toEqual(['Election(1) sent to n2']);
  });

  it('refuses an operation other than elect', () => {
    const sim = simulate(ring({ nodes: 3, events: [{ at: 500, type: 'request', node: 'n2', command: 'vote' }] }), 1000);
    const reply = sim.trace.find((r) => r.kind === 'reply');
    expect(reply).toMatchObject({ ok: false, note: 'not an operation of ring-election (elect)' });
  });

  it('a broken ring elects nobody: the largest uid dies at the crashed process', () => {
    const sim = simulate(preset('ring-election/broken-ring'), 7500);
    expect(leaders(sim)).toEqual([]);
    expect(told(sim)).toEqual([null, null, null, null, null]);
    expect(sim.trace.some((r) => r.kind === 'drop' && r.to === 'n4' && r.reason === 'crashed')).toBe(true);
    expect(sim.violations).toEqual([]);
  });

  it('a restarted process keeps its uid and forgets the rest; a new election then elects the largest again', () => {
    const sim = simulate(preset('ring-election/broken-ring'), 7500);
    expect(state(sim, 'n4')).toEqual({ uid: 4, participant: false, leader: null, isLeader: false });
    const again = simulate(
      ring({
        nodes: 5,
        config: { uids: [3, 5, 1, 4, 2] },
        events: [
          { at: 10, type: 'crash', node: 'n4' },
          { at: 700, type: 'restart', node: 'n4' },
          { at: 800, type: 'request', node: 'n2', command: 'elect' },
        ],
      }),
      2000,
    );
    expect(leaders(again)).toEqual(['n2']);
    expect(told(again)).toEqual([5, 5, 5, 5, 5]);
  });

  it('elects one leader, the largest, through loss, duplication, a partition and a bounce', () => {
    const sim = simulate(
      ring({
        nodes: 6,
        seed: 9,
        network: { latencyMs: [5, 80], loss: 0.1, duplicate: 0.3 },
        events: [
          { at: 5, type: 'partition', groups: [['n1', 'n2', 'n3']] },
          { at: 60, type: 'crash', node: 'n5' },
          { at: 90, type: 'restart', node: 'n5' },
          { at: 300, type: 'heal' },
          { at: 400, type: 'network', loss: 0 },
          ...['n1', 'n2', 'n3', 'n4', 'n5', 'n6'].map((node, i) => ({
            at: 500 + 10 * i,
            type: 'request',
            node,
            command: 'elect',
          })),
        ],
      }),
      4000,
    );
    expect(sim.violations).toEqual([]);
    const max = Math.max(...uids(sim));
    expect(leaders(sim).map((id) => state(sim, id).uid)).toEqual([max]);
  });

  it('forward-smaller: every uid comes home and every process declares itself leader, caught by unique-leader', () => {
    const sim = simulate(preset('ring-election/forward-smaller'), 6000);
    expect(leaders(sim)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(electionCount(sim)).toBe(25);
    expect(sim.violations.map((v) => v.invariant)).toContain('unique-leader');
    expect(sim.violations.map((v) => v.invariant)).toContain('leader-is-max');
  });

  it('names the field of a bad config', () => {
    const bad = (config: Record<string, unknown>) => {
      const file = { format: 'netsplit-scenario', version: 1, protocol: 'ring-election', seed: 1, nodes: 3, config };
      const parsed = parseScenario(file, getProtocol);
      return parsed.ok ? '' : parsed.errors.join('\n');
    };
    expect(bad({ uids: [1, 2] })).toMatch(/config\.uids: 2 uids for 3 nodes/);
    expect(bad({ uids: [1, 2, 2] })).toMatch(/config\.uids.*distinct/);
    expect(bad({ uids: 'sideways' })).toMatch(/config\.uids/);
    expect(bad({ initiators: 'some' })).toMatch(/config\.initiators/);
    expect(bad({ leaders: 1 })).toMatch(/leaders/);
  });
});

function sim0(sim: Simulation) {
  return { sent: sim.trace.filter((r) => r.kind === 'send').length, leaders: leaders(sim) };
}
