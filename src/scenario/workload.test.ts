import { describe, expect, it } from 'vitest';
import type { Input } from '../engine/types';
import { register } from '../protocols/register';
import { registerOps } from '../protocols/shared/registerOps';
import { toFile } from './encode';
import { parseScenario } from './parse';
import { createSimulation, runScenario } from './run';
import type { Scenario } from './types';
import { expandWorkload } from './workload';

const lookup = (id: string) => (id === 'register' ? register : undefined);

const file = (fields: Record<string, unknown>) => ({
  format: 'netsplit-scenario',
  version: 1,
  protocol: 'register',
  seed: 7,
  nodes: 1,
  clients: 2,
  until: 3000,
  ...fields,
});

function parse(fields: Record<string, unknown>): Scenario {
  const parsed = parseScenario(file(fields), lookup);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

const errorsOf = (fields: Record<string, unknown>) => {
  const parsed = parseScenario(file(fields), lookup);
  return parsed.ok ? [] : parsed.errors;
};

const expand = (s: Scenario) =>
  expandWorkload(s.workload as NonNullable<Scenario['workload']>, s.seed, 3000, registerOps);

describe('workload', () => {
  const workload = { rate: 5, mix: { read: 1, write: 1, cas: 1 }, keys: ['x', 'y'] };

  it('expands the same way for the same seed, and differently for another', () => {
    const a = expand(parse({ workload }));
    expect(expand(parse({ workload }))).toEqual(a);
    expect(expand(parse({ seed: 8, workload }))).not.toEqual(a);
    expect(a.length).toBeGreaterThan(10);
    expect(a.every((r) => r.at >= 0 && r.at < 3000 && (r.client === 'c1' || r.client === 'c2'))).toBe(true);
    expect([...a].sort((p, q) => p.at - q.at)).toEqual(a);
  });

  it('writes unique values (seq) and cas from the value last written to the key', () => {
    const ops = expand(parse({ workload })).map((r) => ({ ...registerOps.parse(r.command), seq: 0 }));
    const last = new Map<string, number>();
    ops.forEach((op, i) => {
      const seq = i + 1;
      if (op.name === 'write') expect(op.args).toEqual([seq]);
      if (op.name === 'cas') expect(op.args).toEqual([last.get(op.key as string) ?? 0, seq]);
      if (op.name !== 'read') last.set(op.key as string, seq);
    });
    expect(new Set(ops.map((o) => o.name))).toEqual(new Set(['read', 'write', 'cas']));
  });

  it('places periodic arrivals of client i of m at from + (j + i/m) * 1000/rate', () => {
    const s = parse({ workload: { rate: 10, mix: { read: 1 }, arrival: 'periodic', from: 100, until: 400 } });
    expect(expand(s).map((r) => [r.at, r.client])).toEqual([
      [100, 'c1'],
      [150, 'c2'],
      [200, 'c1'],
      [250, 'c2'],
      [300, 'c1'],
      [350, 'c2'],
    ]);
  });

  it('draws from its own labelled stream: the run is the run of its requests written out as events', () => {
    const s = parse({ network: { latencyMs: [5, 80] }, workload });
    const generated = expand(s);
    const written = parse({ network: { latencyMs: [5, 80] }, events: generated as unknown as Input[] });
    const a = runScenario(s, lookup);
    const b = runScenario(written, lookup);
    // Same messages, same latencies, same node draws: the workload's draws shifted nothing.
    expect(a.summary.traceHash).toBe(b.summary.traceHash);
    expect(a.summary.history?.length).toBe(generated.length);
    const latencies = (t: typeof a.sim.trace) =>
      t.filter((r) => r.kind === 'send').map((r) => ('deliverAt' in r ? r.deliverAt : 0));
    expect(latencies(a.sim.trace)).toEqual(latencies(b.sim.trace));
  });

  it('leaves the network draws of the file events alone: their messages keep their latencies', () => {
    const events = [{ at: 10, type: 'request', client: 'c1', command: 'write x 1' }];
    const late = { ...workload, from: 2000 };
    const without = runScenario(parse({ network: { latencyMs: [5, 80] }, events }), lookup);
    const withWorkload = runScenario(parse({ network: { latencyMs: [5, 80] }, events, workload: late }), lookup);
    const sends = (sim: typeof without.sim) =>
      sim.trace.filter((r) => r.kind === 'send' && r.t < 2000).map((r) => ('deliverAt' in r ? r.deliverAt : 0));
    expect(sends(withWorkload.sim)).toEqual(sends(without.sim));
  });

  it('stays a workload in the saved file (never written out as events) and reads back the same', () => {
    const s = parse({ workload });
    const saved = toFile(s, createSimulation(s, lookup).inputs);
    expect(saved.events).toEqual([]);
    const again = parseScenario(saved, lookup);
    if (!again.ok) throw new Error(again.errors.join('\n'));
    expect(runScenario(again.scenario, lookup).summary.traceHash).toBe(runScenario(s, lookup).summary.traceHash);
  });

  it('names the field and the reason for bad workloads', () => {
    expect(errorsOf({ workload: { ...workload, mix: { delete: 1 } } })).toEqual([
      'workload.mix.delete: not an operation of register (read, write, cas)',
    ]);
    expect(errorsOf({ workload: { ...workload, mix: { read: 0 } } })).toEqual([
      'workload.mix: the weights must sum above 0',
    ]);
    expect(errorsOf({ workload: { ...workload, mix: { read: -1 } } })).toEqual([
      'workload.mix.read: must not be negative',
    ]);
    expect(errorsOf({ workload: { ...workload, rate: 0 } })).toEqual(['workload.rate: must be above 0']);
    expect(errorsOf({ workload: { ...workload, rate: 2000 } })).toEqual(['workload.rate: must be at most 1000']);
    expect(errorsOf({ workload: { ...workload, clients: ['n1'] } })).toEqual([
      'workload.clients[0]: "n1" is not a client',
    ]);
    expect(errorsOf({ workload: { ...workload, keys: ['X!'] } })).toEqual([
      'workload.keys[0]: "X!" is not a key of register (read K, write K V, cas K V1 V2)',
    ]);
    expect(errorsOf({ until: 86_400_000, clients: 16, workload: { ...workload, rate: 1000 } })).toEqual([
      'workload: would generate 1382400000 operations; at most 100000',
    ]);
    expect(errorsOf({ clients: undefined, workload })).toEqual([
      'workload: the scenario has no clients (add "clients")',
    ]);
    expect(errorsOf({ workload: { ...workload, from: 500, until: 100 } })).toEqual([
      'workload.until: must be after workload.from',
    ]);
  });
});
