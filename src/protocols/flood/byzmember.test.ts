import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnyProtocol } from '../../engine/protocol';
import type { Simulation } from '../../engine/simulation';
import type { TraceRecord } from '../../engine/types';
import { parseScenario } from '../../scenario/parse';
import { createSimulation, runScenario } from '../../scenario/run';
import type { Scenario } from '../../scenario/types';
import { flood } from '.';
import type { FloodContext } from './types';

/** Byzantine nodes and membership (spec/protocols.md §1.6, §1.7), proven on the guide's example. */
const lookup = (id: string): AnyProtocol | undefined => (id === 'flood' ? flood : undefined);

function parse(file: Record<string, unknown>, using = lookup): Scenario {
  const parsed = parseScenario(
    { format: 'netsplit-scenario', version: 1, protocol: 'flood', seed: 1, nodes: 6, ...file },
    using,
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

const errorsOf = (file: Record<string, unknown>) => {
  const parsed = parseScenario(
    { format: 'netsplit-scenario', version: 1, protocol: 'flood', seed: 1, nodes: 6, ...file },
    lookup,
  );
  return parsed.ok ? [] : parsed.errors;
};

const run = (file: Record<string, unknown>, untilMs: number, using = lookup) => {
  const sim = createSimulation(parse(file, using), using);
  sim.runUntil(untilMs);
  return sim;
};

const presetFile = (name = 'ring') =>
  JSON.parse(readFileSync(new URL(`./presets/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

const ctx = (sim: Simulation, id: string) => sim.node(id)?.snapshot.context as FloodContext;
const status = (sim: Simulation, id: string) => sim.world().nodes.find((n) => n.id === id);
const faults = (sim: Simulation) => sim.trace.filter((r) => r.kind === 'fault');
const drops = (sim: Simulation) =>
  sim.trace.filter((r): r is Extract<TraceRecord, { kind: 'drop' }> => r.kind === 'drop');

describe('Byzantine nodes (§1.6)', () => {
  it('hands the mode to the machine, writes a fault, and keeps it across a crash and restart', () => {
    const sim = run(
      {
        events: [
          { at: 50, type: 'byzantine', node: 'n3', mode: 'lie' },
          { at: 200, type: 'crash', node: 'n3' },
          { at: 300, type: 'restart', node: 'n3' },
        ],
      },
      400,
    );
    expect(faults(sim)[0]).toEqual({ t: 50, kind: 'fault', type: 'byzantine', node: 'n3', mode: 'lie' });
    // After the restart the machine knows its mode only from its start input (`input.byzantine`).
    expect(ctx(sim, 'n3').byzantine).toBe('lie');
    expect(status(sim, 'n3')?.byzantine).toBe('lie');
    expect(status(sim, 'n2')?.byzantine).toBeUndefined();
  });

  it('switches mode on a later event and skips a repeat of the same mode, saying why', () => {
    const sim = run(
      {
        events: [
          { at: 50, type: 'byzantine', node: 'n3', mode: 'lie' },
          { at: 60, type: 'byzantine', node: 'n3', mode: 'lie' },
          { at: 70, type: 'byzantine', node: 'n3', mode: 'silent' },
        ],
      },
      100,
    );
    expect(ctx(sim, 'n3').byzantine).toBe('silent');
    expect(sim.skipped).toEqual([{ at: 60, type: 'byzantine', reason: 'n3 already runs lie' }]);
  });

  it('drops every send of a silent node with reason silent, and the ring routes round it', () => {
    const sim = run(
      {
        events: [
          { at: 50, type: 'byzantine', node: 'n3', mode: 'silent' },
          { at: 100, type: 'request', node: 'n2', command: 'm1' },
        ],
      },
      1500,
    );
    const silenced = drops(sim).filter((d) => d.reason === 'silent');
    expect(silenced.length).toBeGreaterThan(0);
    expect(silenced.every((d) => d.from === 'n3')).toBe(true);
    expect(sim.trace.some((r) => r.kind === 'deliver' && r.from === 'n3' && r.t > 50)).toBe(false);
    // n4 hears of m1 the long way round, through n1, n6 and n5.
    expect(sim.view('n4')?.delivered).toEqual(['n2:1']);
  });

  it('lets a liar forge bodies but not break Integrity; the deliver-every-copy bug breaks it', () => {
    const events = [
      { at: 50, type: 'byzantine', node: 'n2', mode: 'lie' },
      { at: 100, type: 'request', node: 'n1', command: 'm1' },
    ];
    const honest = runScenario(parse({ events }), lookup, 3000);
    expect(honest.summary.violations).toEqual([]);
    // n3 hears first from the liar next to n1; n6, on the other side, from n1 itself.
    expect(honest.sim.view('n3')).toEqual({ delivered: ['n1:1'], forged: ['n1:1 (forged by n2)'] });
    expect(honest.sim.view('n6')).toEqual({ delivered: ['n1:1'] });
    const buggy = runScenario(parse({ events, bug: 'deliver-every-copy' }), lookup, 3000);
    expect(buggy.summary.violations[0]).toMatchObject({ invariant: 'integrity' });
    expect(buggy.summary.violations.every((v) => !v.message.startsWith('n2 '))).toBe(true);
  });

  it('gives nodes[].byzantine in the runner JSON, and member for every node', () => {
    const { summary } = runScenario(
      parse({ events: [{ at: 10, type: 'byzantine', node: 'n2', mode: 'lie' }] }),
      lookup,
      100,
    );
    expect(summary.nodes.map((n) => [n.id, n.member, n.byzantine])).toEqual([
      ['n1', true, undefined],
      ['n2', true, 'lie'],
      ['n3', true, undefined],
      ['n4', true, undefined],
      ['n5', true, undefined],
      ['n6', true, undefined],
    ]);
  });
});

describe('membership (§1.7)', () => {
  it('starts a standby node outside: its start input lists the members without it, and it relays nothing', () => {
    const sim = run({ standby: ['n6'], events: [{ at: 100, type: 'request', node: 'n1', command: 'm1' }] }, 1500);
    expect(ctx(sim, 'n6').isMember).toBe(false);
    expect(status(sim, 'n6')?.member).toBe(false);
    expect(status(sim, 'n5')?.member).toBe(true);
    expect(sim.view('n6')?.delivered).toEqual([]);
    expect(sim.trace.some((r) => r.kind === 'send' && r.from === 'n6')).toBe(false);
    expect(sim.view('n5')?.delivered).toEqual(['n1:1']);
  });

  it('hands join and leave to the node the protocol names; a joining node catches up', () => {
    const sim = run(
      {
        standby: ['n6'],
        events: [
          { at: 100, type: 'request', node: 'n1', command: 'm1' },
          { at: 400, type: 'join', node: 'n6' },
          { at: 1500, type: 'leave', node: 'n2' },
        ],
      },
      2000,
    );
    expect(faults(sim).map((f) => [f.t, f.type, f.node])).toEqual([
      [400, 'join', 'n6'],
      [1500, 'leave', 'n2'],
    ]);
    expect(sim.view('n6')?.delivered).toEqual(['n1:1']);
    expect(ctx(sim, 'n6').isMember).toBe(true);
    expect(ctx(sim, 'n2').isMember).toBe(false);
    expect(runScenario(parse({ standby: ['n6'] }), lookup, 10).summary.nodes.map((n) => n.member)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it('skips a change with the reason: already a member, not a member, entry crashed, no entry', () => {
    const sim = run(
      {
        standby: ['n6'],
        events: [
          { at: 10, type: 'join', node: 'n1' },
          { at: 20, type: 'leave', node: 'n6' },
          { at: 30, type: 'crash', node: 'n6' },
          { at: 40, type: 'join', node: 'n6' },
        ],
      },
      100,
    );
    expect(sim.skipped).toEqual([
      { at: 10, type: 'join', reason: 'n1 is already a member' },
      { at: 20, type: 'leave', reason: 'n6 is not a member' },
      { at: 40, type: 'join', reason: 'n6 is crashed' },
    ]);
    expect(status(sim, 'n6')?.member).toBe(false);
    const nowhere: AnyProtocol = { ...flood, membershipEntry: () => null };
    const lost = run({ standby: ['n6'], events: [{ at: 10, type: 'join', node: 'n6' }] }, 100, (id) =>
      id === 'flood' ? nowhere : undefined,
    );
    expect(lost.skipped).toEqual([{ at: 10, type: 'join', reason: 'no leader' }]);
  });

  it('keeps membership and modes in snapshots: a restore replays the same future', () => {
    const file = {
      standby: ['n6'],
      events: [
        { at: 50, type: 'byzantine', node: 'n3', mode: 'lie' },
        { at: 100, type: 'request', node: 'n1', command: 'm1' },
        { at: 400, type: 'join', node: 'n6' },
        { at: 900, type: 'byzantine', node: 'n3', mode: 'silent' },
      ],
    };
    const sim = run(file, 30);
    const before = sim.snapshot();
    sim.runUntil(600);
    const middle = sim.snapshot();
    sim.runUntil(2000);
    const hash = sim.traceHash;
    sim.restore(before);
    expect(status(sim, 'n6')?.member).toBe(false);
    expect(status(sim, 'n3')?.byzantine).toBeUndefined();
    sim.restore(middle);
    expect(status(sim, 'n6')?.member).toBe(true);
    expect(status(sim, 'n3')?.byzantine).toBe('lie');
    sim.runUntil(2000);
    expect(sim.traceHash).toBe(hash);
    expect(run(file, 2000).traceHash).toBe(hash);
  });
});

describe('the file format names what is wrong', () => {
  it.each([
    [
      { events: [{ at: 1, type: 'byzantine', node: 'n3', mode: 'forge' }] },
      'events[0].mode: "forge" is not a Byzantine mode of flood (silent, lie)',
    ],
    [{ events: [{ at: 1, type: 'byzantine', node: 'n9', mode: 'lie' }] }, 'events[0].node: unknown node "n9"'],
    [{ standby: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'] }, 'standby: at least one server must start in the cluster'],
    [{ standby: ['n9'] }, 'standby[0]: unknown node "n9"'],
    [{ standby: ['n2', 'n2'] }, 'standby[1]: "n2" is listed twice'],
    [{ events: [{ at: 1, type: 'join', node: 'n7' }] }, 'events[0].node: unknown node "n7"'],
  ])('%j', (file, error) => {
    expect(errorsOf(file)).toEqual([error]);
  });
});

describe('the preset', () => {
  const file = presetFile('liar-and-newcomer');

  it('shows a liar, a newcomer and a silent node, with no violation, and replays to its pinned hash', () => {
    const { sim, summary } = runScenario(parse(file), lookup);
    expect(summary.violations).toEqual([]);
    expect(summary.unchecked).toBeUndefined();
    expect(sim.view('n6')?.delivered).toEqual(['n1:1', 'n4:1']);
    expect(sim.traceHash).toBe('bd3f3e6805f2caa0');
  });
});
