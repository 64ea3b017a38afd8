import { describe, expect, it } from 'vitest';
import { fuzz, fuzzOne, runSeeds } from '../../cli/fuzz';
import { parseScenario } from '../../scenario/parse';
import { runScenario } from '../../scenario/run';
import { getProtocol } from '../index';
import { paxos } from './index';

/**
 * Paxos under its fuzzer (fuzz.ts: two or three proposers asked for different values, acceptors bounced in
 * the middle of rounds, partitions, cuts, loss, duplication, delays, stalls, drifting clocks). CI runs small
 * counts; PROTOCOL-DONE.md point 3 in full (2,000 clean runs, each bug within 1,000) runs with PAXOS_FUZZ_FULL=1.
 */
const FULL = process.env.PAXOS_FUZZ_FULL === '1';
const CORRECT_RUNS = FULL ? 2000 : 60;
const BUG_RUNS = 1000;
const base = { protocol: paxos, seed: 2026, nodes: 5, untilMs: 5000 };

describe('paxos under random faults', () => {
  it(`breaks no invariant in ${CORRECT_RUNS} runs of the correct protocol`, () => {
    const result = fuzz({ ...base, runs: CORRECT_RUNS, bug: null }, getProtocol);
    const first = result.failures[0];
    expect(first?.violations ?? [], first && `reproduce with ${JSON.stringify(first.file)}`).toEqual([]);
    expect(result.runs).toBe(CORRECT_RUNS);
  }, 600_000);

  it.each(paxos.bugs.map((b) => [b.id, b.breaks[0]] as const))(
    'catches %s with %s within 1,000 runs, and its saved file replays the violation',
    (bug, invariant) => {
      const result = fuzz({ ...base, runs: BUG_RUNS, bug, stopAfter: 1 }, getProtocol);
      const failure = result.failures[0];
      expect(failure?.violations.map((v) => v.invariant)).toContain(invariant);
      if (!failure) return;
      const parsed = parseScenario(failure.file, getProtocol);
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      expect(runScenario(parsed.scenario, getProtocol).summary.violations).toEqual(failure.violations);
      console.log(`${bug}: caught after ${result.runs} runs`);
    },
    600_000,
  );

  it('catches the forgetful acceptor by agreement too: two values chosen, within 1,000 runs', () => {
    const options = { ...base, bug: 'acceptor-forgets-promise-on-restart' };
    const seeds = runSeeds(base.seed, 0, BUG_RUNS);
    const at = seeds.findIndex((seed) =>
      fuzzOne(options, seed, getProtocol).failure?.violations.some((v) => v.invariant === 'agreement'),
    );
    expect(at, 'no fuzz run of the bug chose two values').toBeGreaterThanOrEqual(0);
    console.log(`acceptor-forgets-promise-on-restart: two values chosen in run ${at + 1}`);
  }, 600_000);
});
