/**
 * How long the runner takes to start, printed as figures (never asserted in a test): the median wall time of
 * `node -e 0`, of the bin running a tiny scenario from its warm bundle (bin/netsplit.mjs) and their ratio
 * (issue 12's target: at most 3), of the old way (`tsx src/cli/main.ts`, which transpiles the tree on every
 * start), of the launcher's staleness check (in a fresh process, as each start pays it) and of a rebuild.
 * Runs interleaved, so the machine's load falls on each alike. `npm run bench`, or `tsx bench/startup.ts [--runs N]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { ensureBundle } from '../bin/bundle.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
const runs = Number(values.runs);
const root = process.cwd();
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const dir = mkdtempSync(join(tmpdir(), 'netsplit-startup-'));
const tiny = join(dir, 'tiny.json');
writeFileSync(tiny, '{"format":"netsplit-scenario","version":1,"protocol":"raft","seed":1,"nodes":3,"until":100}');

/** Wall time of one process, in ms; it must succeed. */
function wall(command: string, args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

await ensureBundle(root);
const tsx = join(root, 'node_modules/.bin/tsx');
const run = ['run', tiny, '--json'];
const times = { node: [] as number[], bin: [] as number[], tsx: [] as number[] };
wall(process.execPath, ['bin/netsplit.mjs', ...run]); // the file cache warm, as for a user's second command
for (let i = 0; i < runs; i++) {
  times.node.push(wall(process.execPath, ['-e', '0']));
  times.bin.push(wall(process.execPath, ['bin/netsplit.mjs', ...run]));
  // The old way takes seconds a start: half as many samples.
  if (i % 2 === 0) times.tsx.push(wall(tsx, ['src/cli/main.ts', ...run]));
}

// What every start pays to know the bundle is fresh: the check's first call in a new process.
const check = join(dir, 'check.mjs');
writeFileSync(
  check,
  `const { freshBuild } = await import(${JSON.stringify(new URL('../bin/bundle.mjs', import.meta.url).href)});
  const start = performance.now();
  if (!freshBuild(${JSON.stringify(root)})) throw new Error('stale');
  console.log(performance.now() - start);`,
);
const scans = Array.from({ length: runs }, () =>
  Number(spawnSync(process.execPath, [check], { encoding: 'utf8' }).stdout),
);
const buildStart = performance.now();
await build({
  root,
  configFile: join(root, 'vite.cli.config.ts'),
  logLevel: 'silent',
  build: { outDir: join(dir, 'b') },
});
const buildMs = performance.now() - buildStart;
rmSync(dir, { recursive: true, force: true });

const node = median(times.node);
const bin = median(times.bin);
const ms = (x: number) => `${x.toFixed(0)} ms`;
console.log(`startup, median of ${runs} (tsx: ${times.tsx.length}), a 3-node Raft run of 100 virtual ms:`);
console.log(`  node -e 0                                 ${ms(node)}`);
console.log(
  `  node bin/netsplit.mjs run <file> --json   ${ms(bin)}  (${(bin / node).toFixed(2)} x node -e 0; target <= 3 x)`,
);
console.log(`  tsx src/cli/main.ts run <file> --json     ${ms(median(times.tsx))}  (the runner before the bundle)`);
console.log(
  `  staleness check (a stat of each file the bundle uses) ${median(scans).toFixed(1)} ms; a rebuild ${ms(buildMs)}`,
);
