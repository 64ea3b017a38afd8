import { describe, expect, it } from 'vitest';
import type { AnyProtocol, Finding } from '../engine/protocol';
import { getProtocol } from '../protocols';
import { parseScenario } from './parse';
import { runScenario } from './run';

/**
 * A real protocol given a measured fact (state changes, from the trace and the series) and two eventual
 * invariants: every node up at the end (judged only when all are up) and, `downOk`, every up node has a view.
 */
const base = getProtocol('raft') as AnyProtocol;
const measured: AnyProtocol = {
  ...base,
  invariants: [
    ...base.invariants,
    { id: 'allUp', title: 'All up', rule: 'Every node is up at the end.', eventual: true },
    { id: 'upViewed', title: 'Up nodes viewed', rule: 'Every up node has a view.', eventual: true, downOk: true },
  ],
  monitor: {
    ...base.monitor,
    settled: (_history, world) => {
      const findings: Finding[] = [];
      for (const n of world.nodes) {
        if (!n.isUp) findings.push({ invariant: 'allUp', message: `${n.id} is down` });
        else if (Object.keys(n.view).length === 0)
          findings.push({ invariant: 'upViewed', message: `${n.id} has no view` });
      }
      return findings;
    },
  },
  series: [
    { name: 'up', title: 'Nodes up', unit: 'nodes', per: 'run', sample: (w) => w.nodes.filter((n) => n.isUp).length },
  ],
  facts: ({ trace, series, endMs }) => {
    const changes = trace.filter((r) => r.kind === 'state').length;
    return { stateChanges: { count: changes, samples: (series.up ?? []).length, endMs, holds: changes > 0 } };
  },
};
const lookup = (id: string) => (id === base.id ? measured : undefined);

function run(fields: Record<string, unknown>) {
  const file = {
    format: 'netsplit-scenario',
    version: 1,
    protocol: base.id,
    seed: 2,
    nodes: 3,
    until: 4000,
    ...fields,
  };
  const parsed = parseScenario(file, lookup);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return runScenario(parsed.scenario, lookup);
}

describe('runner JSON: facts and unchecked (spec/protocols.md §1.8, §1.9)', () => {
  it('reports the protocol’s facts, measured from the trace and the series at the end', () => {
    const { sim, summary } = run({});
    const changes = sim.trace.filter((r) => r.kind === 'state').length;
    expect(changes).toBeGreaterThan(0);
    expect(summary.facts).toEqual({ stateChanges: { count: changes, samples: 41, endMs: 4000, holds: true } });
  });

  it('names each eventual invariant it could not judge, with the reason', () => {
    const { summary } = run({ events: [{ at: 3000, type: 'partition', groups: [['n1'], ['n2', 'n3']] }] });
    expect(summary.unchecked).toEqual([
      { invariant: 'allUp', reason: 'a partition is in force at the end' },
      { invariant: 'upViewed', reason: 'a partition is in force at the end' },
    ]);
  });

  it('judges a downOk invariant with a node still down, and only that one', () => {
    const { summary } = run({ events: [{ at: 50, type: 'crash', node: 'n3' }] });
    expect(summary.unchecked).toEqual([{ invariant: 'allUp', reason: 'n3 is down at the end' }]);
    // allUp would fail (n3 is down), but it is not judged: no violation.
    expect(summary.violations).toEqual([]);
  });

  it('judges every eventual invariant on a settled run, and facts never make a violation', () => {
    const { summary } = run({
      events: [
        { at: 50, type: 'crash', node: 'n3' },
        { at: 1000, type: 'restart', node: 'n3' },
      ],
    });
    expect(summary.unchecked).toBeUndefined();
    expect(summary.violations).toEqual([]);
    expect(summary.series?.up?.at(-1)).toEqual([4000, 3]);
  });

  it('refuses a bad sampleMs, naming the field and the reason', () => {
    for (const sampleMs of [5, 100.5, 60001, '100']) {
      const file = { format: 'netsplit-scenario', version: 1, protocol: base.id, seed: 1, nodes: 3, sampleMs };
      const parsed = parseScenario(file, lookup);
      expect(parsed.ok ? [] : parsed.errors).toEqual(['sampleMs: must be a whole number from 10 to 60000']);
    }
  });
});
