/**
 * Experiment throughput, printed as figures (never asserted in a test): trials per second of the Raft paper's
 * Figure 16 experiments (experiments/raft-figure16-*.json, a few trials of every value) on one job, in this
 * thread, and on N worker threads (`--jobs N`, default the machine's cores). Run with `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { defaultJobs, runPool } from '../src/cli/pool';
import { loadExperimentText, type Trial, trialsOf } from '../src/experiment';

const TRIALS_PER_VALUE = 50;
const arg = process.argv.indexOf('--jobs');
const jobs = arg > 0 ? Number(process.argv[arg + 1]) : Math.max(2, defaultJobs());

async function trialsOfFile(name: string): Promise<Trial[]> {
  const parsed = await loadExperimentText(readFileSync(new URL(`../experiments/${name}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  // 150-150 ms runs every trial to its end (20 virtual s of split votes): timed apart from the others.
  return trialsOf(parsed.experiment, TRIALS_PER_VALUE).filter((t) => t.label !== '150-150ms');
}

async function rate(trials: readonly Trial[], n: number): Promise<{ perSecond: number; events: number }> {
  let next = 0;
  let events = 0;
  const start = performance.now();
  await runPool({
    kind: 'experiment',
    jobs: n,
    next: () => trials[next++],
    onResult: (r) => {
      events += r.events;
      return undefined;
    },
  });
  return { perSecond: trials.length / ((performance.now() - start) / 1000), events };
}

const trials = [
  ...(await trialsOfFile('raft-figure16-scale.json')),
  ...(await trialsOfFile('raft-figure16-randomness.json')),
];
// One warm-up pass in this thread, so the single-job figure is not the JIT's first look.
await rate(trials.slice(0, 20), 1);
const one = await rate(trials, 1);
// The pool's start-up (threads, the TypeScript loader from source, the protocol's code): one short trial a worker.
const startStart = performance.now();
await rate(trials.slice(0, jobs), jobs);
const startupSeconds = (performance.now() - startStart) / 1000;
const many = await rate(trials, jobs);
const steady = trials.length / (trials.length / many.perSecond - startupSeconds);
console.log(
  `experiment, Raft Figure 16 (${trials.length} trials, ${TRIALS_PER_VALUE} per timeout range but 150-150 ms):`,
);
console.log(
  `  1 job:  ${one.perSecond.toFixed(1)} trials/s (${Math.round(one.events / trials.length)} events per trial)`,
);
console.log(
  `  ${jobs} jobs: ${many.perSecond.toFixed(1)} trials/s with the pool's start-up (${startupSeconds.toFixed(1)} s), ` +
    `${steady > 0 ? steady.toFixed(1) : 'n/a'} trials/s without it (${(steady / one.perSecond).toFixed(2)}x one job)`,
);
