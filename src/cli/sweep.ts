/**
 * The CI fuzz sweep (`npm run test:fuzz`): for every protocol, a batch of random runs of the correct
 * protocol must break no invariant, and every shipped bug variant must be caught, with a scenario file
 * that replays the violation. Prints a line per check and the closing `N passed, N failed` line.
 * On more than 2 cores the checks share one pool of worker threads; every line is the sequential sweep's.
 */
import type { AnyProtocol } from '../engine/protocol';
import { getProtocol, loadAllProtocols, manifest } from '../protocols';
import { parseScenario } from '../scenario/parse';
import { runScenario } from '../scenario/run';
import { withConsistency } from './consistency';
import { fuzzSweeps, type ParallelFuzzResult } from './fuzzParallel';
import { DEFAULT_FUZZ_CLIENTS } from './fuzzWorkload';
import { defaultJobs } from './pool';

const CORRECT_RUNS = Number(process.env.NETSPLIT_SWEEP_RUNS ?? 300);
const BUG_RUNS = 3000;
/**
 * Worker threads, unless NETSPLIT_SWEEP_JOBS says (1: every run in this thread). On 2 cores one thread: measured
 * there, the pool did not finish sooner (22 to 32 s either way) and spent a quarter more CPU (workers' start,
 * cold JITs), as a 1-job sweep already keeps the second core busy with V8's GC and compiler threads.
 */
const JOBS = Number(process.env.NETSPLIT_SWEEP_JOBS ?? (defaultJobs() > 2 ? defaultJobs() : 1));

let passed = 0;
let failed = 0;
const report = (ok: boolean, line: string) => {
  if (ok) passed++;
  else failed++;
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${line}\n`);
};

await loadAllProtocols();
const protocols = manifest.map((d) => getProtocol(d.id) as AnyProtocol);

// Every check's sweep on one pool of workers (fuzzParallel.ts), started once; each sweep's result is the
// sequential sweep's, and its line prints as soon as it and the checks before it are settled.
const checks = protocols.flatMap((protocol) => {
  const base = { protocol: protocol.id, seed: 2026, nodes: 5, untilMs: 5000, clients: DEFAULT_FUZZ_CLIENTS };
  return [
    { protocol, bug: null, plan: { ...base, runs: CORRECT_RUNS, bug: null } },
    ...protocol.bugs.map((bug) => ({
      protocol,
      bug: bug.id,
      plan: { ...base, runs: BUG_RUNS, bug: bug.id, stopAfter: 1 },
    })),
  ];
});

await fuzzSweeps(
  checks.map((c) => c.plan),
  { jobs: JOBS, onSweepDone: (i, result) => check(checks[i] as (typeof checks)[number], result) },
);

function check({ protocol, bug }: { protocol: AnyProtocol; bug: string | null }, result: ParallelFuzzResult): void {
  if (bug === null) {
    const first = result.failures[0];
    report(
      result.failures.length === 0,
      `${protocol.id}: ${result.runs} runs of the correct protocol, ${result.failures.length} with a violation` +
        (first ? ` (seed ${first.seed}: ${first.violations[0]?.message})` : ''),
    );
    return;
  }
  const failure = result.failures[0];
  if (!failure) {
    report(false, `${protocol.id} bug ${bug}: not caught in ${result.runs} runs`);
    return;
  }
  const parsed = parseScenario(failure.file, getProtocol);
  // Replayed as `run` does, with the history check (consistency.ts): fuzz failures include its violations.
  const run = parsed.ok ? runScenario(parsed.scenario, getProtocol) : null;
  const replayed = run ? withConsistency(run.summary, protocol, run.sim.trace).violations : [];
  const same = JSON.stringify(replayed) === JSON.stringify(failure.violations);
  report(
    same,
    `${protocol.id} bug ${bug}: caught after ${result.runs} runs by ${failure.violations[0]?.invariant}` +
      (same ? ', and its scenario file replays it' : ', but its scenario file does not replay it'),
  );
}

process.stdout.write(`sweep: ${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
