/**
 * The CI fuzz sweep (`npm run test:fuzz`): for every protocol, a batch of random runs of the correct
 * protocol must break no invariant, and every shipped bug variant must be caught, with a scenario file
 * that replays the violation. Prints a line per check and the closing `N passed, N failed` line.
 */
import type { AnyProtocol } from '../engine/protocol';
import { getProtocol, loadAllProtocols, manifest } from '../protocols';
import { parseScenario } from '../scenario/parse';
import { runScenario } from '../scenario/run';
import { withConsistency } from './consistency';
import { fuzz } from './fuzz';

const CORRECT_RUNS = Number(process.env.NETSPLIT_SWEEP_RUNS ?? 300);
const BUG_RUNS = 3000;

let passed = 0;
let failed = 0;
const report = (ok: boolean, line: string) => {
  if (ok) passed++;
  else failed++;
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${line}\n`);
};

await loadAllProtocols();
const protocols = manifest.map((d) => getProtocol(d.id) as AnyProtocol);

for (const protocol of protocols) {
  const base = { protocol, seed: 2026, nodes: 5, untilMs: 5000 };
  const correct = fuzz({ ...base, runs: CORRECT_RUNS, bug: null }, getProtocol);
  const first = correct.failures[0];
  report(
    correct.failures.length === 0,
    `${protocol.id}: ${correct.runs} runs of the correct protocol, ${correct.failures.length} with a violation` +
      (first ? ` (seed ${first.seed}: ${first.violations[0]?.message})` : ''),
  );
  for (const bug of protocol.bugs) {
    const result = fuzz({ ...base, runs: BUG_RUNS, bug: bug.id, stopAfter: 1 }, getProtocol);
    const failure = result.failures[0];
    if (!failure) {
      report(false, `${protocol.id} bug ${bug.id}: not caught in ${result.runs} runs`);
      continue;
    }
    const parsed = parseScenario(failure.file, getProtocol);
    // Replayed as `run` does, with the history check (consistency.ts): fuzz failures include its violations.
    const run = parsed.ok ? runScenario(parsed.scenario, getProtocol) : null;
    const replayed = run ? withConsistency(run.summary, protocol, run.sim.trace).violations : [];
    const same = JSON.stringify(replayed) === JSON.stringify(failure.violations);
    report(
      same,
      `${protocol.id} bug ${bug.id}: caught after ${result.runs} runs by ${failure.violations[0]?.invariant}` +
        (same ? ', and its scenario file replays it' : ', but its scenario file does not replay it'),
    );
  }
}

process.stdout.write(`sweep: ${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
