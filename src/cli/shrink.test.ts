import { describe, expect, it } from 'vitest';
import type { AnyProtocol } from '../engine/protocol';
import { getProtocol, manifest } from '../protocols';
import { parseScenario } from '../scenario/parse';
import { runScenario } from '../scenario/run';
import { withConsistency } from './consistency';
import { type FuzzFailure, fuzz } from './fuzz';
import { DEFAULT_SHRINK_BUDGET, shrinkScenario } from './shrink';
import { explicitInputs } from './shrinkRun';

/** NETSPLIT_SHRINK_THOROUGH=1: every variant with the default budget, as `fuzz` shrinks; else a CI-sized one. */
const THOROUGH = process.env.NETSPLIT_SHRINK_THOROUGH === '1';
const BUDGET = THOROUGH ? DEFAULT_SHRINK_BUDGET : 150;

const SHIPPED = [
  'raft commit-old-term',
  'raft vote-without-log-check',
  'raft forget-vote-on-restart',
  '2pc participant-decides-alone',
  'lock no-fencing',
  'lock redlock-ignores-elapsed',
  'register stale-backup-reads',
  'paxos acceptor-forgets-promise-on-restart',
  'paxos proposer-ignores-accepted-value',
  'bully no-election-on-recovery',
  'multipaxos skip-phase1-on-takeover',
  'multipaxos no-noop-fill',
  'ring-election forward-smaller',
  'quorum ack-before-w',
  'quorum lww-by-arrival',
  'primary-backup ack-before-replicate',
  'flood deliver-every-copy',
];

const protocolOf = (id: string) => getProtocol(id) as AnyProtocol;

/** The first failure of the sweep's fuzz campaign for a variant (sweep.ts: seed 2026, 5 nodes, 5000 ms). */
function firstFailure(protocol: AnyProtocol, bug: string): FuzzFailure {
  const result = fuzz({ protocol, seed: 2026, nodes: 5, untilMs: 5000, bug, runs: 3000, stopAfter: 1 }, getProtocol);
  const failure = result.failures[0];
  if (!failure) throw new Error(`${protocol.id} ${bug}: no failure in ${result.runs} runs`);
  return failure;
}

/** The violations of a file replayed as `run` replays it (sweep.ts): the run, then the history check. */
function replayed(file: Record<string, unknown>, protocol: AnyProtocol) {
  const parsed = parseScenario(file, getProtocol);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const run = runScenario(parsed.scenario, getProtocol);
  return withConsistency(run.summary, protocol, run.sim.trace).violations;
}

const inputsOf = (file: Record<string, unknown>) =>
  explicitInputs(file, protocolOf(file.protocol as string), getProtocol)?.length;

describe('shrinking a fuzz failure', () => {
  it('covers every shipped bug variant', () => {
    const variants = manifest.flatMap((d) => protocolOf(d.id).bugs.map((b) => `${d.id} ${b.id}`));
    expect(variants.sort()).toEqual([...SHIPPED].sort());
  });

  for (const variant of SHIPPED) {
    const [id, bug] = variant.split(' ') as [string, string];
    it(`${variant}: the shrunk file still breaks the same invariant first, with fewer inputs`, () => {
      const protocol = protocolOf(id);
      const failure = firstFailure(protocol, bug);
      const invariant = failure.violations[0]?.invariant;
      const result = shrinkScenario(failure.file, protocol, getProtocol, { budget: BUDGET, untilMs: 5000 });
      expect(result.invariant).toBe(invariant);
      expect(replayed(result.file, protocol)[0]?.invariant).toBe(invariant);
      expect(result.violation.invariant).toBe(invariant);
      expect(result.inputsBefore).toBe(inputsOf(failure.file));
      expect(result.inputsAfter).toBe(inputsOf(result.file));
      expect(result.inputsAfter).toBeLessThan(result.inputsBefore);
      expect(result.untilAfter).toBeLessThanOrEqual(result.untilBefore);
      expect(result.runs).toBeLessThanOrEqual(BUDGET);
      // The Raft paper's Figure 8 takes a handful of inputs, not the storm that found it.
      if (bug === 'commit-old-term') expect(result.inputsAfter).toBeLessThanOrEqual(10);
    });
  }

  it('writes a workload the failure needs out as the few requests it needs (register)', () => {
    const protocol = protocolOf('register');
    const failure = firstFailure(protocol, 'stale-backup-reads');
    expect(failure.file.workload).toBeDefined();
    const result = shrinkScenario(failure.file, protocol, getProtocol, { budget: BUDGET });
    expect(result.file.workload).toBeUndefined();
    const requests = (result.file.events as { type: string }[]).filter((e) => e.type === 'request');
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.length).toBeLessThanOrEqual(result.inputsAfter);
  });

  it('gives the same result for the same file, and reports every run', () => {
    const protocol = protocolOf('flood');
    const failure = firstFailure(protocol, 'deliver-every-copy');
    const progress: [number, number][] = [];
    const once = shrinkScenario(failure.file, protocol, getProtocol, {
      onProgress: (tries, inputs) => progress.push([tries, inputs]),
    });
    const twice = shrinkScenario(failure.file, protocol, getProtocol);
    expect(twice).toEqual(once);
    expect(progress.map(([tries]) => tries)).toEqual(progress.map((_, i) => i + 1));
    expect(progress.at(-1)).toEqual([once.runs, once.inputsAfter]);
    const inputs = progress.map(([, n]) => n);
    expect(inputs).toEqual([...inputs].sort((a, b) => b - a));
  });

  it('stops at its budget with a file that still fails', () => {
    const protocol = protocolOf('raft');
    const failure = firstFailure(protocol, 'forget-vote-on-restart');
    const result = shrinkScenario(failure.file, protocol, getProtocol, { budget: 12 });
    expect(result.isCutShort).toBe(true);
    expect(result.runs).toBe(12);
    expect(replayed(result.file, protocol)[0]?.invariant).toBe(failure.violations[0]?.invariant);
    expect(result.inputsAfter).toBeLessThanOrEqual(result.inputsBefore);
  });

  it('refuses a file that does not parse, or that breaks nothing', () => {
    const raft = protocolOf('raft');
    const bad = { format: 'netsplit-scenario', version: 1, protocol: 'raft', seed: 1, nodes: 0, events: [] };
    expect(() => shrinkScenario(bad, raft, getProtocol)).toThrow(/does not parse: nodes/);
    const quiet = { format: 'netsplit-scenario', version: 1, protocol: 'raft', seed: 1, nodes: 3, until: 1000 };
    expect(() => shrinkScenario(quiet, raft, getProtocol)).toThrow(/breaks no invariant/);
  });
});
