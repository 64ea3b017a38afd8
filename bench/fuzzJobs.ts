/**
 * Fuzz runs per second on 1 job and on N (the machine's cores, `fuzz --jobs` default), printed as figures and
 * never asserted. The N-job figure includes starting the worker threads (from source, each worker loads tsx and
 * the protocol), as a user's `fuzz --jobs N` pays it. `npm run bench`; `tsx bench/fuzzJobs.ts --runs 400`.
 */
import { parseArgs } from 'node:util';
import { fuzzParallel } from '../src/cli/fuzzParallel';
import { defaultJobs } from '../src/cli/pool';
import { loadAllProtocols } from '../src/protocols';

const { values } = parseArgs({ options: { runs: { type: 'string' }, batch: { type: 'string' } } });
const runs = Number(values.runs ?? 200);
const batchSize = values.batch === undefined ? undefined : Number(values.batch);
const cores = defaultJobs();

await loadAllProtocols();
for (const protocol of ['raft', '2pc']) {
  const figures: string[] = [];
  let single = 0;
  for (const jobs of [...new Set([1, cores])]) {
    const spec = { protocol, bug: null, seed: 1, nodes: 5, untilMs: 5000, clients: 2, runs, jobs, batchSize };
    const start = performance.now();
    const result = await fuzzParallel(spec);
    const rate = result.runs / ((performance.now() - start) / 1000);
    if (jobs === 1) single = rate;
    figures.push(
      `${jobs} job${jobs > 1 ? 's' : ''} ${rate.toFixed(1)}${jobs > 1 ? ` (${(rate / single).toFixed(2)}x)` : ''}`,
    );
  }
  console.log(`fuzz ${protocol}, ${runs} runs of 5 nodes and 5 virtual s, runs per second: ${figures.join(', ')}`);
}
