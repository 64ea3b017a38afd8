import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../engine/simulation';
import { parseScenario } from '../../scenario/parse';
import { createSimulation, runScenario } from '../../scenario/run';
import type { Scenario } from '../../scenario/types';
import { flood } from '.';

/** The guide's example, run as a student would: from scenario files, reading the nodes' views. */
const lookup = (id: string) => (id === 'flood' ? flood : undefined);

function parse(file: Record<string, unknown>): Scenario {
  const parsed = parseScenario(
    { format: 'netsplit-scenario', version: 1, protocol: 'flood', seed: 1, ...file },
    lookup,
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

const presetFile = (name: string) =>
  JSON.parse(readFileSync(new URL(`./presets/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

const delivered = (sim: Simulation, id: string) => sim.view(id)?.delivered as string[];

describe('flood, the guide example', () => {
  it('links each node of the ring only to its two neighbours', () => {
    const sim = createSimulation(parse({ nodes: 5 }), lookup);
    expect(sim.shape.links.filter((l) => l.from === 'n1').map((l) => l.to)).toEqual(['n2', 'n5']);
    expect(sim.shape.layout).toBe('ring');
  });

  it('delivers a broadcast at every node of the ring exactly once', () => {
    const { sim, summary } = runScenario(parse(presetFile('ring')), lookup);
    for (const id of sim.nodeIds()) expect(delivered(sim, id)).toEqual(['n1:1', 'n4:1']);
    expect(summary.violations).toEqual([]);
  });

  it('catches up a cut-off half once the partition heals, through the repeat timer', () => {
    const s = parse(presetFile('partition-heals'));
    const sim = createSimulation(s, lookup);
    sim.runUntil(1400);
    expect(['n4', 'n5', 'n6'].map((id) => delivered(sim, id))).toEqual([[], [], []]);
    sim.runUntil(4000);
    for (const id of sim.nodeIds()) expect(delivered(sim, id)).toEqual(['n1:1']);
    expect(sim.trace.some((r) => r.kind === 'timer' && r.name === 'repeat')).toBe(true);
  });

  it('keeps what it delivered across a crash, and numbers its own broadcasts on from there', () => {
    const sim = createSimulation(
      parse({
        nodes: 3,
        events: [
          { at: 10, type: 'request', node: 'n1', command: 'a' },
          { at: 200, type: 'crash', node: 'n1' },
          { at: 300, type: 'restart', node: 'n1' },
          { at: 400, type: 'request', node: 'n1', command: 'b' },
        ],
      }),
      lookup,
    );
    sim.runUntil(1000);
    expect(delivered(sim, 'n1')).toEqual(['n1:1', 'n1:2']);
    expect(delivered(sim, 'n3')).toEqual(['n1:1', 'n1:2']);
  });

  it.each([
    ['ring', '01ab206513aae792'],
    ['partition-heals', '2acf6d36e4722fc2'],
    ['deliver-every-copy', '3f372b09a6c5cdc4'],
  ])('replays preset %s to its pinned trace hash', (name, hash) => {
    expect(runScenario(parse(presetFile(name)), lookup).sim.traceHash).toBe(hash);
  });

  it('catches deliver-every-copy as an Integrity violation', () => {
    const { summary } = runScenario(parse(presetFile('deliver-every-copy')), lookup);
    expect(summary.violations[0]).toMatchObject({ invariant: 'integrity', message: 'n3 delivered n1:1 twice' });
  });

  it('reports, once the run has settled, a node that never delivered a broadcast', () => {
    // Without repeats a broadcast made during a partition never crosses it, even after the heal.
    const s = parse({
      nodes: 4,
      config: { repeatMs: 0 },
      events: [
        { at: 0, type: 'partition', groups: [['n1', 'n2']] },
        { at: 10, type: 'request', node: 'n1', command: 'm1' },
        { at: 200, type: 'heal' },
      ],
    });
    expect(runScenario(s, lookup, 3000).summary.violations.map((v) => v.message)).toEqual([
      'n3 never delivered n1:1 (n1 did)',
      'n4 never delivered n1:1 (n1 did)',
    ]);
    // Ended too soon after the heal, the run has not settled: Agreement is not judged, and the summary says why.
    const early = runScenario(s, lookup, 1000).summary;
    expect(early.violations).toEqual([]);
    expect(early.unchecked).toEqual([
      { invariant: 'agreement', reason: 'a fault (heal) came less than 2000 ms before the end' },
    ]);
  });
});
