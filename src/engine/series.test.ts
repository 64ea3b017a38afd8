import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { parseScenario } from '../scenario/parse';
import { createSimulation, runScenario } from '../scenario/run';
import type { Scenario } from '../scenario/types';
import type { AnyProtocol, SeriesDeclaration } from './protocol';
import { Recording } from './recording';

/**
 * The sampler, proved through a real protocol's run with series of every kind: whether each node is up, how many
 * are up, and each node's view of each peer's match index (`matchIndex` is in the view of a node that leads).
 */
const series: SeriesDeclaration[] = [
  {
    name: 'up',
    title: 'Up',
    unit: 'yes',
    per: 'node',
    sample: (w) => Object.fromEntries(w.nodes.map((n) => [n.id, n.isUp ? 1 : null])),
  },
  {
    name: 'upCount',
    title: 'Nodes up',
    unit: 'nodes',
    per: 'run',
    sample: (w) => w.nodes.filter((n) => n.isUp).length,
  },
  {
    name: 'seen',
    title: 'Seen',
    unit: 'index',
    per: 'pair',
    // Only n1 and n2 observe, and never n3: a pair the protocol leaves out has no name.
    sample: (w) =>
      Object.fromEntries(
        w.nodes
          .filter((n) => n.id === 'n1' || n.id === 'n2')
          .map((n) => [
            n.id,
            Object.fromEntries(w.nodes.filter((p) => p.id !== n.id && p.id !== 'n3').map((p) => [p.id, 7])),
          ]),
      ),
  },
];
const base = getProtocol('raft') as AnyProtocol;
const plotted: AnyProtocol = { ...base, series };
const lookup = (id: string) => (id === base.id ? plotted : undefined);
const plain = (id: string) => (id === base.id ? { ...base, series: undefined } : undefined);

function parse(fields: Record<string, unknown>): Scenario {
  const file = { format: 'netsplit-scenario', version: 1, protocol: base.id, seed: 3, nodes: 4, ...fields };
  const parsed = parseScenario(file, lookup);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

const faults = {
  until: 1000,
  events: [
    { at: 500, type: 'crash', node: 'n4' },
    { at: 700, type: 'restart', node: 'n4' },
  ],
};

describe('series sampling (spec/protocols.md §1.8)', () => {
  it('samples at 0, sampleMs, 2·sampleMs, ... through the end, by the default period of 100 ms', () => {
    const { summary } = runScenario(parse(faults), lookup);
    const times = (summary.series?.upCount ?? []).map(([t]) => t);
    expect(times).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    const { summary: coarse } = runScenario(parse({ ...faults, sampleMs: 250 }), lookup);
    expect((coarse.series?.upCount ?? []).map(([t]) => t)).toEqual([0, 250, 500, 750, 1000]);
  });

  it('names run series `name`, node series `name.<node>` and pair series `name.<observer>.<peer>`', () => {
    const { summary } = runScenario(parse(faults), lookup);
    expect(Object.keys(summary.series ?? {})).toEqual([
      'up.n1',
      'up.n2',
      'up.n3',
      'up.n4',
      'upCount',
      'seen.n1.n2',
      'seen.n1.n4',
      'seen.n2.n1',
      'seen.n2.n4',
    ]);
  });

  it('takes a sample after every event at its time: the crash at 500 ms shows in the sample at 500 ms', () => {
    const { summary } = runScenario(parse(faults), lookup);
    const at = (name: string, t: number) => summary.series?.[name]?.find(([time]) => time === t)?.[1];
    expect(at('up.n4', 400)).toBe(1);
    expect(at('up.n4', 500)).toBeNull();
    expect(at('upCount', 500)).toBe(3);
    expect(at('upCount', 600)).toBe(3);
    expect(at('up.n4', 700)).toBe(1);
    expect(at('upCount', 700)).toBe(4);
    expect(at('seen.n2.n4', 0)).toBe(7);
  });

  it('is not an event: the trace and its hash are the same with or without series, at any period', () => {
    const s = parse({ ...faults, until: 3000 });
    const without = runScenario(s, plain);
    const withSeries = runScenario(s, lookup);
    const fine = runScenario({ ...s, sampleMs: 10 }, lookup);
    expect(without.summary.series).toBeUndefined();
    expect(withSeries.summary.traceHash).toBe(without.summary.traceHash);
    expect(fine.summary.traceHash).toBe(without.summary.traceHash);
    expect(fine.sim.trace).toEqual(without.sim.trace);
    expect(fine.summary.events).toBe(without.summary.events);
    expect(fine.summary.series?.upCount).toHaveLength(301);
  });

  it('keeps samples by time across a rewind, and retakes them after a new input as a fresh run would', () => {
    const s = parse({ ...faults, until: undefined });
    const recording = new Recording(createSimulation(s, lookup));
    recording.seek(1000);
    const first = recording.sim.series?.points();
    recording.seek(300);
    // Replaying known ground gives the same samples; the table up to now hides the known future.
    expect(recording.sim.series?.table(300).times).toEqual([0, 100, 200, 300]);
    recording.seek(1000);
    expect(recording.sim.series?.points()).toEqual(first);
    // Back to 300 ms, and a crash there: the run from 300 ms on is another one (a branch drops the later inputs).
    recording.seek(300);
    recording.apply({ at: 300, type: 'crash', node: 'n2' });
    recording.seek(1000);
    const kept = s.events.filter((e) => e.at <= 300);
    const fresh = createSimulation({ ...s, events: [...kept, { at: 300, type: 'crash', node: 'n2' }] }, lookup);
    fresh.runUntil(1000);
    expect(recording.sim.series?.points()).toEqual(fresh.series?.points());
    expect(recording.sim.series?.points()['up.n2']?.[3]).toEqual([300, null]);
  });

  it('gives the app its samples as columns up to now, each per-node column naming its node', () => {
    const sim = createSimulation(parse(faults), lookup);
    sim.runUntil(250);
    const table = sim.series?.table(sim.now);
    expect(table?.times).toEqual([0, 100, 200]);
    const n2 = table?.columns.find((c) => c.key === 'up.n2');
    expect(n2).toMatchObject({ node: 'n2', peer: null, declaration: { name: 'up' }, values: [1, 1, 1] });
    expect(table?.columns.find((c) => c.key === 'seen.n2.n4')).toMatchObject({ node: 'n2', peer: 'n4' });
  });
});
