/**
 * Fuzz runs per second on 1 job and on N (the machine's cores, `fuzz --jobs` default), printed as figures and
 * never asserted. Each figure is a whole `fuzz` command as a user runs it, a fresh process from source: its
 * start (tsx, the protocol), and with N jobs the workers' start and their cold JIT, are in it. Each is taken
 * three times, interleaved; the best and the median are printed (on a shared machine the best is the closest
 * to an idle one). `npm run bench`; `tsx bench/fuzzJobs.ts --repeat 5`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultJobs } from '../src/cli/pool';

const { values } = parseArgs({ options: { repeat: { type: 'string' } } });
const repeat = Number(values.repeat ?? 3);
const jobCounts = [...new Set([1, defaultJobs()])];
// 2PC's runs are several times shorter than Raft's: more of them, so a sweep is not only its start.
const sweeps = [
  { protocol: 'raft', runs: 200 },
  { protocol: '2pc', runs: 1000 },
];
const out = mkdtempSync(join(tmpdir(), 'netsplit-bench-fuzz-'));
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Seconds for one `fuzz` command, from spawning it to its exit. */
function timeFuzz(protocol: string, runs: number, jobs: number): number {
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'fuzz', '--protocol', protocol, '--runs', String(runs)];
  const start = performance.now();
  const child = spawnSync(process.execPath, [...args, '--seed', '1', '--jobs', String(jobs), '--json', '--out', out]);
  const seconds = (performance.now() - start) / 1000;
  if (child.status !== 0) throw new Error(`fuzz exited ${child.status}: ${child.stderr}`);
  return seconds;
}

for (const { protocol, runs } of sweeps) {
  const rates = new Map<number, number[]>(jobCounts.map((jobs) => [jobs, []]));
  for (let i = 0; i < repeat; i++) {
    for (const jobs of jobCounts) rates.get(jobs)?.push(runs / timeFuzz(protocol, runs, jobs));
  }
  const best = (jobs: number) => Math.max(...(rates.get(jobs) ?? []));
  const figures = jobCounts.map((jobs) => {
    const ratio = jobs > 1 ? `, ${(best(jobs) / best(1)).toFixed(2)}x` : '';
    return `--jobs ${jobs} best ${best(jobs).toFixed(1)} median ${median(rates.get(jobs) ?? []).toFixed(1)}${ratio}`;
  });
  console.log(
    `fuzz ${protocol}, ${runs} runs of 5 nodes and 5 virtual s, runs per second of the whole command: ${figures.join('; ')}`,
  );
}

// What --jobs N costs before its first result: N workers start (from source: tsx, the protocol) and play two
// short runs each, against the same runs on one job; both include the process's own start.
if (jobCounts.length > 1) {
  const cores = defaultJobs();
  const [alone, pool] = [
    median([1, 2, 3].map(() => timeFuzz('2pc', 2 * cores, 1))),
    median([1, 2, 3].map(() => timeFuzz('2pc', 2 * cores, cores))),
  ];
  console.log(
    `fuzz start: ${2 * cores} short 2pc runs take ${alone.toFixed(2)} s on --jobs 1 and ${pool.toFixed(2)} s on --jobs ${cores} (median of 3)`,
  );
}
rmSync(out, { recursive: true, force: true });
