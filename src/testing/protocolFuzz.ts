import { expect, it } from 'vitest';
import { fuzz } from '../cli/fuzz';
import type { AnyProtocol } from '../engine/protocol';
import { getProtocol } from '../protocols';
import { parseScenario } from '../scenario/parse';
import { runScenario } from '../scenario/run';

/** Runs a bug variant gets to be caught in (PROTOCOL-DONE.md point 3). */
const BUG_RUNS = 1000;

/**
 * PROTOCOL-DONE.md point 3 as tests, inside a protocol's `describe`: the correct protocol breaks nothing in
 * `correctRuns` fuzzed runs (2,000 for the full proof, a few dozen in CI), and every bug variant is caught by
 * the invariant it names first within 1,000 runs, its saved scenario file replaying the violation.
 */
export function fuzzesCleanAndCatchesBugs(
  protocol: AnyProtocol,
  options: { readonly nodes: number; readonly correctRuns: number },
): void {
  const base = { protocol, seed: 2026, nodes: options.nodes, untilMs: 5000 };
  const runs = options.correctRuns;

  it(`breaks no invariant in ${runs} runs of the correct protocol`, () => {
    const result = fuzz({ ...base, runs, bug: null }, getProtocol);
    const first = result.failures[0];
    expect(first?.violations ?? [], first && `reproduce with ${JSON.stringify(first.file)}`).toEqual([]);
    expect(result.runs).toBe(runs);
  }, 600_000);

  it.each(protocol.bugs.map((b) => [b.id, b.breaks[0]] as const))(
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
}
