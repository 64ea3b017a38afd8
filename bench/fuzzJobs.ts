/**
 * Fuzz runs per second on 1 job and on N (the machine's cores, `fuzz --jobs` default), printed as figures and
 * never asserted. The N-job figure includes starting the worker threads (from source, each worker loads tsx and
 * the protocol), as a user's `fuzz --jobs N` pays it. Each figure is taken three times, interleaved, and the
 * best and the median are printed: on a shared machine the best is the closest to what an idle one gives.
 * `npm run bench`; `tsx bench/fuzzJobs.ts --runs 400 --repeat 5`.
 */
import { parseArgs } from 'node:util';
import { fuzzParallel } from '../src/cli/fuzzParallel';
import { defaultJobs } from '../src/cli/pool';
import { loadAllProtocols } from '../src/protocols';

const { values } = parseArgs({
  options: { runs: { type: 'string' }, repeat: { type: 'string' }, batch: { type: 'string' } },
});
const runs = Number(values.runs ?? 120);
const repeat = Number(values.repeat ?? 3);
const batchSize = values.batch === undefined ? undefined : Number(values.batch);
const jobCounts = [...new Set([1, defaultJobs()])];

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

await loadAllProtocols();
for (const protocol of ['raft', '2pc']) {
  const rates = new Map<number, number[]>(jobCounts.map((jobs) => [jobs, []]));
  for (let i = 0; i < repeat; i++) {
    for (const jobs of jobCounts) {
      const spec = { protocol, bug: null, seed: 1, nodes: 5, untilMs: 5000, clients: 2, runs, jobs, batchSize };
      const start = performance.now();
      const result = await fuzzParallel(spec);
      rates.get(jobs)?.push(result.runs / ((performance.now() - start) / 1000));
    }
  }
  const best = (jobs: number) => Math.max(...(rates.get(jobs) ?? []));
  const figures = jobCounts.map((jobs) => {
    const ratio = jobs > 1 ? `, ${(best(jobs) / best(1)).toFixed(2)}x` : '';
    return `${jobs} job${jobs > 1 ? 's' : ''} best ${best(jobs).toFixed(1)} median ${median(rates.get(jobs) ?? []).toFixed(1)}${ratio}`;
  });
  console.log(`fuzz ${protocol}, ${runs} runs of 5 nodes and 5 virtual s, runs per second: ${figures.join('; ')}`);
}
