import { describe, expect, it } from 'vitest';
import type { AnyProtocol } from '../engine/protocol';
import { UNSETTLING_FAULTS } from '../engine/settle';
import { getProtocol, manifest } from '../protocols';
import { parseScenario } from '../scenario/parse';
import { runScenario } from '../scenario/run';
import { randomScenario } from './schedule';
import { withSettledTail } from './tail';

const protocolOf = (id: string) => getProtocol(id) as AnyProtocol;
type Event = { at: number; type: string; [k: string]: unknown };
const eventsOf = (file: Record<string, unknown>) => file.events as Event[];

describe('the settled tail of a fuzz run (spec/protocols.md §1.9)', () => {
  it('undoes every fault left in force, after the last event and the last pause, then waits settleMs', () => {
    const file = {
      nodes: 4,
      standby: ['n4'],
      network: { latencyMs: [5, 30], loss: 0, duplicate: 0 },
      until: 1000,
      events: [
        { at: 100, type: 'crash', node: 'n2' },
        { at: 120, type: 'partition', groups: [['n1'], ['n2', 'n3']] },
        { at: 130, type: 'cut', from: 'n1', to: 'n3', oneWay: true },
        { at: 140, type: 'network', loss: 0.2 },
        { at: 150, type: 'link', from: 'n1', to: 'n2', loss: 0.5 },
        { at: 160, type: 'leave', node: 'n3' },
        { at: 170, type: 'stall', node: 'n1', durationMs: 900 },
        { at: 200, type: 'crash', node: 'n1' },
        { at: 260, type: 'restart', node: 'n1' },
      ],
    };
    const out = withSettledTail(file, {}, 1000);
    expect(eventsOf(out).slice(0, file.events.length)).toEqual(file.events);
    // The stall ends at 1070: the tail starts there.
    expect(eventsOf(out).slice(file.events.length)).toEqual([
      { at: 1070, type: 'mend', from: 'n1', to: 'n3', oneWay: true },
      { at: 1070, type: 'heal' },
      { at: 1070, type: 'network', loss: 0 },
      { at: 1070, type: 'link', from: 'n1', to: 'n2', loss: 0 },
      { at: 1070, type: 'restart', node: 'n2' },
      { at: 1071, type: 'join', node: 'n3' },
      { at: 1071, type: 'join', node: 'n4' },
    ]);
    expect(out.until).toBe(1071 + 2000);
    // A protocol's own settleMs is the quiet it gets.
    expect(withSettledTail(file, { settleMs: 500 }, 1000).until).toBe(1571);
    // The generic schedule's tail starts no earlier than the end of its fault window.
    expect(eventsOf(withSettledTail(file, {}, 1000, 1500)).at(-1)).toEqual({ at: 1501, type: 'join', node: 'n4' });
  });

  it('adds nothing to a run that is already settled, and keeps a long enough until', () => {
    const file = {
      nodes: 3,
      until: 9000,
      events: [
        { at: 10, type: 'crash', node: 'n1' },
        { at: 20, type: 'restart', node: 'n1' },
      ],
    };
    expect(withSettledTail(file, {}, 5000)).toEqual(file);
    expect(withSettledTail({ ...file, until: undefined }, {}, 1000).until).toBe(2020);
  });

  it('restarts every server when a crash named a selector', () => {
    const file = { nodes: 3, events: [{ at: 10, type: 'crash', node: 'leader' }] };
    expect(
      eventsOf(withSettledTail(file, {}, 100))
        .filter((e) => e.type === 'restart')
        .map((e) => e.node),
    ).toEqual(['n1', 'n2', 'n3']);
  });

  // Every shipped protocol the generic schedule fuzzes (the lock has its own generator, tested with it).
  const generic = manifest.map((d) => d.id).filter((id) => !protocolOf(id).fuzzScenario);
  const seeds = [1, 2, 3, 4, 5, 6];

  it('covers Raft, 2PC and the register', () => {
    expect(generic).toEqual(expect.arrayContaining(['raft', '2pc', 'register']));
  });

  it.each(generic)('every %s fuzz scenario ends settled: an eventual invariant is never left unchecked', (id) => {
    // A probe: an eventual invariant that always holds, so the end-of-run check runs for every protocol.
    const real = protocolOf(id);
    const probe = { id: 'probe', title: 'Probe', rule: 'Holds once settled.', eventual: true };
    const protocol: AnyProtocol = {
      ...real,
      invariants: [...real.invariants, probe],
      monitor: { ...real.monitor, settled: (h: never, w: never) => real.monitor.settled?.(h, w) ?? [] },
    };
    const lookup = (name: string) => (name === id ? protocol : getProtocol(name));
    for (const seed of seeds) {
      const file = randomScenario({ protocol, seed, nodes: 5, untilMs: 3000, bug: null });
      const parsed = parseScenario(file, lookup);
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      const { sim, summary } = runScenario(parsed.scenario, lookup);
      expect(summary.time).toBe(file.until);
      // Fault draws stop before the tail: after 3000 ms only the tail's repairs.
      const late = eventsOf(file).filter((e) => e.at >= 3000 && UNSETTLING_FAULTS.has(e.type));
      expect(late.every((e) => ['mend', 'heal', 'network', 'link', 'restart', 'join'].includes(e.type))).toBe(true);
      expect(sim.unsettled, `seed ${seed}`).toBeNull();
      expect(summary.unchecked ?? []).toEqual([]);
      expect(summary.violations).toEqual([]);
      expect(summary.nodes.every((n) => n.up && !('stalledUntil' in n))).toBe(true);
    }
  });

  it('judges the shipped eventual invariants at the end of fuzz runs that had faults, and they hold', () => {
    const withEventual = generic.map(protocolOf).filter((p) => p.invariants.some((i) => i.eventual));
    expect(withEventual.length).toBeGreaterThan(0);
    for (const protocol of withEventual) {
      for (const seed of seeds) {
        const file = randomScenario({ protocol, seed, nodes: 6, untilMs: 3000, bug: null });
        const types = new Set(eventsOf(file).map((e) => e.type));
        // The run did unsettle it: faults that the tail had to undo.
        expect([...types].some((t) => ['crash', 'partition', 'cut', 'leave'].includes(t))).toBe(true);
        const parsed = parseScenario(file, getProtocol);
        if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
        const { sim, summary } = runScenario(parsed.scenario, getProtocol);
        expect(sim.unsettled).toBeNull();
        expect(summary.unchecked).toBeUndefined();
        expect(summary.violations).toEqual([]);
      }
    }
  });
});
