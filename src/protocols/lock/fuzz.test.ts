import { describe, expect, it } from 'vitest';
import { fuzz } from '../../cli/fuzz';
import { parseScenario } from '../../scenario/parse';
import { runScenario } from '../../scenario/run';
import { getProtocol } from '../index';
import { lock } from './index';

/**
 * The lock under its fuzzer (fuzz.ts: stalls aimed at operations, clock offsets, drift and, for leases,
 * jumps; crashes, partitions, loss, duplication, cuts). CI runs small counts; the full proof of
 * PROTOCOL-DONE.md point 3 (2,000 clean runs, each bug within 1,000) runs with LOCK_FUZZ_FULL=1.
 */
const FULL = process.env.LOCK_FUZZ_FULL === '1';
const CORRECT_RUNS = FULL ? 2000 : 60;
const BUG_RUNS = 1000;
const base = { protocol: lock, seed: 2026, nodes: 2, untilMs: 5000 };

describe('the lock under random faults', () => {
  it(`breaks no invariant in ${CORRECT_RUNS} runs of the correct protocol`, () => {
    const result = fuzz({ ...base, runs: CORRECT_RUNS, bug: null }, getProtocol);
    const first = result.failures[0];
    expect(first?.violations ?? [], first && `reproduce with ${JSON.stringify(first.file)}`).toEqual([]);
    expect(result.runs).toBe(CORRECT_RUNS);
  }, 600_000);

  it.each(lock.bugs.map((b) => [b.id, b.breaks[0]] as const))(
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
});
