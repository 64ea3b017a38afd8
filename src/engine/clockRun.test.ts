import { describe, expect, it } from 'vitest';
import { toFile } from '../scenario/encode';
import { parseScenario, parseScenarioText } from '../scenario/parse';
import { createSimulation, summarize } from '../scenario/run';
import { tickContext, tickProtocol } from '../testing/tickProtocol';
import { localTime, startClock } from './clock';
import type { Simulation } from './simulation';

const lookup = (id: string) => (id === 'tick' ? tickProtocol : undefined);

function run(fields: Record<string, unknown>, untilMs: number): Simulation {
  const file = { format: 'netsplit-scenario', version: 1, seed: 7, nodes: 2, protocol: 'tick', ...fields };
  const parsed = parseScenario(file, lookup);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const sim = createSimulation(parsed.scenario, lookup);
  sim.runUntil(untilMs);
  return sim;
}

const context = (sim: Simulation, id: string) => tickContext(sim.node(id)?.snapshot.context);
const ticks = (sim: Simulation, id: string) => context(sim, id).seen.filter((e) => e.type === 'tick');

describe('per-node clocks (spec/protocols.md §1.4)', () => {
  it('a drifting clock: localAt follows the formula on the start input and every event; its timers run fast', () => {
    const sim = run({ clocks: { n1: { offsetMs: 50, driftPpm: 1000 } } }, 3100);
    const clock = startClock({ offsetMs: 50, driftPpm: 1000 });
    expect(context(sim, 'n1').start).toEqual({ type: 'start', at: 0, localAt: 50 });
    const span = (1000 * 1e6) / (1e6 + 1000);
    const got = ticks(sim, 'n1');
    expect(got.map((e) => e.at)).toEqual([span, 2 * span, 3 * span]);
    for (const e of got) expect(e.localAt).toBe(localTime(clock, e.at));
    // The other node's clock is true: its timers last exactly tickMs and localAt equals at.
    expect(ticks(sim, 'n2').map((e) => [e.at, e.localAt])).toEqual([
      [1000, 1000],
      [2000, 2000],
      [3000, 3000],
    ]);
    expect(summarize(sim).nodes[0]?.clock.driftPpm).toBe(1000);
    expect(summarize(sim).nodes[1]?.clock).toEqual({ offsetMs: 0, driftPpm: 0 });
  });

  it('a clock event rebases and steps the reading; pending timers keep their time, later ones take the new rate', () => {
    const sim = run({ events: [{ at: 500, type: 'clock', node: 'n1', jumpMs: 2000, driftPpm: 100_000 }] }, 2200);
    const got = ticks(sim, 'n1');
    // The tick set at 0 fires at 1000 as set; the next runs at 1.1x, lasting 1000 / 1.1 ms.
    expect(got[0]).toEqual({ type: 'tick', at: 1000, localAt: 1000 + 2000 + (100_000 * 500) / 1e6 });
    expect(got[1]?.at).toBe(1000 + (1000 * 1e6) / (1e6 + 100_000));
    expect(sim.trace).toContainEqual({
      t: 500,
      kind: 'fault',
      type: 'clock',
      node: 'n1',
      jumpMs: 2000,
      driftPpm: 100_000,
    });
  });

  it('a protocol declaring setsClock steps and slews its clock through adjustClock, traced as clock', () => {
    const sim = run(
      {
        events: [
          { at: 100, type: 'request', node: 'n2', command: 'step -40' },
          { at: 200, type: 'request', node: 'n2', command: 'slew 500' },
        ],
      },
      1200,
    );
    const traced = sim.trace.filter((r) => r.kind === 'clock');
    expect(traced[0]).toEqual({ t: 100, kind: 'clock', node: 'n2', stepMs: -40, offsetMs: -40, driftPpm: 0 });
    expect(traced[1]).toEqual({ t: 200, kind: 'clock', node: 'n2', slewPpm: 500, offsetMs: -40, driftPpm: 500 });
    expect(summarize(sim).nodes[1]?.clock.driftPpm).toBe(500);
    expect(sim.localNow('n2')).toBeCloseTo(1200 - 40 + (500 * 1000) / 1e6, 9);
  });

  it('a protocol without setsClock may not adjust a clock', () => {
    const strict = { ...tickProtocol, setsClock: undefined };
    const parsed = parseScenario(
      {
        format: 'netsplit-scenario',
        version: 1,
        seed: 1,
        nodes: 2,
        protocol: 'tick',
        events: [{ at: 1, type: 'request', node: 'n1', command: 'step 5' }],
      },
      () => strict,
    );
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const sim = createSimulation(parsed.scenario, () => strict);
    expect(() => sim.runUntil(10)).toThrow('does not declare setsClock');
  });

  it('clock state is in the snapshot: restoring mid-run replays the same trace', () => {
    const sim = run(
      { clocks: { n2: { driftPpm: -300 } }, events: [{ at: 700, type: 'clock', node: 'n1', driftPpm: 900 }] },
      800,
    );
    const saved = sim.snapshot();
    sim.runUntil(5000);
    const hash = sim.traceHash;
    sim.restore(saved);
    sim.runUntil(5000);
    expect(sim.traceHash).toBe(hash);
    expect(sim.node('n1')?.clock.driftPpm).toBe(900);
  });

  it('clocks survive a round trip through the file (share links, export); a file without them gains none', () => {
    const parse = (file: Record<string, unknown>) => {
      const parsed = parseScenario(file, lookup);
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      return parsed.scenario;
    };
    const base = { format: 'netsplit-scenario', version: 1, seed: 1, nodes: 2, protocol: 'tick' };
    const timed = parse({ ...base, clocks: { n2: { offsetMs: -5, driftPpm: 30 } } });
    expect(toFile(timed).clocks).toEqual({ n2: { offsetMs: -5, driftPpm: 30 } });
    expect(parse(toFile(timed)).clocks).toEqual(timed.clocks);
    expect(toFile(parse(base))).not.toHaveProperty('clocks');
  });

  it('refuses bad clocks and clock events, naming the field', () => {
    const errors = (fields: Record<string, unknown>) => {
      const parsed = parseScenario(
        { format: 'netsplit-scenario', version: 1, seed: 1, nodes: 2, protocol: 'tick', ...fields },
        lookup,
      );
      return parsed.ok ? [] : parsed.errors;
    };
    expect(errors({ clocks: { n9: { offsetMs: 1 } } })).toEqual(['clocks.n9: unknown node "n9"']);
    const hidden = parseScenarioText(
      '{"format":"netsplit-scenario","version":1,"seed":1,"nodes":2,"protocol":"tick","clocks":{"__proto__":{"offsetMs":1}}}',
      lookup,
    );
    expect(hidden.ok ? [] : hidden.errors).toEqual(['clocks.__proto__: unknown node "__proto__"']);
    expect(errors({ clocks: { n1: { driftPpm: 200_000 } } })).toEqual([
      'clocks.n1.driftPpm: must be within ±100000 ppm',
    ]);
    expect(errors({ events: [{ at: 1, type: 'clock', node: 'n1' }] })).toEqual([
      'events[0]: clock needs offsetMs, driftPpm or jumpMs',
    ]);
    expect(errors({ events: [{ at: 1, type: 'clock', node: 'n1', offsetMs: 1, jumpMs: 1 }] })).toEqual([
      'events[0]: clock takes offsetMs or jumpMs, not both',
    ]);
    expect(errors({ events: [{ at: 1, type: 'stall', node: 'n1', durationMs: 0 }] })).toEqual([
      'events[0].durationMs: must be more than 0',
    ]);
    expect(errors({ events: [{ at: 1, type: 'link', from: 'n1', to: 'n2', oneWay: false }] })).toEqual([
      'events[0].oneWay: must be true (or left out)',
    ]);
  });
});
