import { describe, expect, it } from 'vitest';
import type { SequentialModel } from '../engine/clients';
import type { AnyProtocol } from '../engine/protocol';
import { getProtocol, manifest } from '../protocols';
import { parseScenario } from '../scenario/parse';
import { runScenario } from '../scenario/run';
import { withConsistency } from './consistency';
import { fuzz } from './fuzz';
import { randomScenario } from './schedule';

const protocolOf = (id: string) => getProtocol(id) as AnyProtocol;
const register = protocolOf('register');
const draw = (protocol: AnyProtocol, seed: number, clients?: number) =>
  randomScenario({ protocol, seed, nodes: 3, untilMs: 3000, bug: null, ...(clients === undefined ? {} : { clients }) });

describe('the random workload of fuzz runs (spec/protocols.md §1.9)', () => {
  it('gives a protocol with clients two clients and a workload over its grammar, the same for the same seed', () => {
    const file = draw(register, 4);
    expect(draw(register, 4)).toEqual(file);
    expect(file.clients).toBe(2);
    const workload = file.workload as { rate: number; mix: Record<string, number>; keys: number; until: number };
    expect(Object.keys(workload.mix)).toEqual(register.ops?.names);
    expect(Object.values(workload.mix).some((w) => w > 0)).toBe(true);
    expect(workload.rate).toBeGreaterThan(0);
    expect(workload.keys).toBeGreaterThanOrEqual(1);
    expect(workload.until).toBe(3000);
    // Other seeds draw other workloads.
    const workloads = new Set([1, 2, 3, 4, 5, 6].map((seed) => JSON.stringify(draw(register, seed).workload)));
    expect(workloads.size).toBeGreaterThan(1);
  });

  it('takes the client count from --clients, and none means no workload', () => {
    expect(draw(register, 4, 3).clients).toBe(3);
    const none = draw(register, 4, 0);
    expect('clients' in none || 'workload' in none).toBe(false);
    // A failure model without `workload` (fuzzFaults) draws none either; with it, as by default.
    const without = draw({ ...register, fuzzFaults: ['crash', 'partition'] }, 4);
    expect('workload' in without).toBe(false);
    expect(draw({ ...register, fuzzFaults: ['crash', 'workload'] }, 4).workload).toEqual(draw(register, 4).workload);
  });

  it('is absent for a protocol without clients', () => {
    const without = manifest.map((d) => protocolOf(d.id)).filter((p) => !p.clientMachine);
    expect(without.map((p) => p.id)).toEqual(expect.arrayContaining(['raft', '2pc']));
    for (const protocol of without) {
      const file = draw(protocol, 4, 3);
      expect('clients' in file || 'workload' in file).toBe(false);
    }
  });

  it('plays: the run has a history of the drawn operations', () => {
    const parsed = parseScenario(draw(register, 4), getProtocol);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const { summary } = runScenario(parsed.scenario, getProtocol);
    expect(summary.history?.length ?? 0).toBeGreaterThan(0);
    expect(new Set(summary.history?.map((e) => e.client))).toEqual(new Set(['c1', 'c2']));
  });
});

describe('fuzz runs check the history as run does (§1.5, §1.9)', () => {
  const options = { runs: 3, seed: 11, nodes: 3, untilMs: 2000, bug: null } as const;

  it('finds no violation in the register, whose histories are linearizable', () => {
    const result = fuzz({ ...options, protocol: register }, getProtocol);
    expect(result.runs).toBe(3);
    expect(result.failures).toEqual([]);
  });

  it("reports the declared guarantee's violation, and run of the saved file reports the same", () => {
    // A model no history satisfies: every run with an ok operation violates linearizability.
    const never: SequentialModel = { id: 'never', init: () => 0, step: () => undefined, key: String };
    const broken: AnyProtocol = { ...register, model: never };
    const lookup = (id: string) => (id === 'register' ? broken : getProtocol(id));
    const result = fuzz({ ...options, protocol: broken }, lookup);
    expect(result.failures.length).toBeGreaterThan(0);
    const [failure] = result.failures;
    if (!failure) return;
    expect(failure.violations.map((v) => v.invariant)).toContain('linearizable');
    const parsed = parseScenario(failure.file, lookup);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const { sim, summary } = runScenario(parsed.scenario, lookup);
    expect(withConsistency(summary, broken, sim.trace).violations).toEqual(failure.violations);
  });
});
