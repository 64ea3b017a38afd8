import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_PATH_ECHO_CHARS, quote } from '../engine/quote';
import { parse, UsageError } from './args';
import { shardSize } from './fuzzParallel';
import { formatReport, type ShardSummary, SUMMARY_FILE } from './fuzzReport';
import { readSummary } from './fuzzSummary';

const USAGE = 'usage: npm run -s sim -- fuzz merge <dir> [<dir> ...] [--json] [--out <dir>]';

/** The options every shard of one sweep shares (fuzzReport.ts). */
const SWEEP_FIELDS = ['protocol', 'bug', 'seed', 'runs', 'nodes', 'until', 'clients'] as const;

interface Found {
  readonly path: string;
  readonly dir: string;
  readonly summary: ShardSummary;
}

/**
 * `fuzz merge <dirs>`: the shards' summaries (`fuzz --shard k/n --out <dir>`) combined into the report, exit
 * code and scenario files (copied into `--out`) that one machine playing the unsharded sweep would have given.
 */
export function fuzzMergeCommand(argv: readonly string[], out: (text: string) => void): number {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, out: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError(`fuzz merge: expected one or more directories\n${USAGE}`);
  const shards = checkOneSweep(positionals.flatMap(summariesIn));
  const outDir = values.out ?? 'fuzz-out';
  const first = shards[0]?.summary as ShardSummary;
  // Every file is read before any is written: a merge that fails (exit 2) leaves `--out` as it was.
  const found = shards
    .flatMap(({ dir, summary }) =>
      summary.failures.map((f) => ({
        ...f,
        text: readScenario(join(dir, f.scenario)),
        originalText: f.original === undefined ? undefined : readScenario(join(dir, f.original)),
      })),
    )
    .sort((a, b) => a.index - b.index);
  const failures = found.map((f) => {
    mkdirSync(outDir, { recursive: true });
    const scenario = join(outDir, f.scenario);
    writeFileSync(scenario, f.text);
    const saved = { seed: f.seed, violations: f.violations, scenario };
    if (f.original === undefined || f.originalText === undefined) return saved;
    const original = join(outDir, f.original);
    writeFileSync(original, f.originalText);
    return { ...saved, original, inputs: f.inputs, shrink: f.shrink };
  });
  const sum = (pick: (s: ShardSummary) => number) => shards.reduce((total, s) => total + pick(s.summary), 0);
  const report = { protocol: first.protocol, bug: first.bug, runs: sum((s) => s.played), events: sum((s) => s.events) };
  out(formatReport({ ...report, failures }, values.json === true));
  return failures.length > 0 ? 1 : 0;
}

const shown = (path: string) => quote(path, (s) => s, MAX_PATH_ECHO_CHARS);

function summariesIn(dir: string): Found[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new UsageError(`${shown(dir)}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const found = names.filter((name) => SUMMARY_FILE.test(name)).sort();
  if (found.length === 0) {
    throw new UsageError(`${shown(dir)}: no shard summary (fuzz-summary-<k>-of-<n>.json, from fuzz --shard) in it`);
  }
  return found.map((name) => {
    const path = join(dir, name);
    return { path, dir, summary: readSummary(path, shown(path)) };
  });
}

/** The summaries, one per shard k = 1 .. n in order, or a UsageError naming what makes them not one sweep. */
function checkOneSweep(found: readonly Found[]): Found[] {
  const first = found[0] as Found;
  for (const other of found.slice(1)) {
    for (const field of [...SWEEP_FIELDS, 'n'] as const) {
      const a = field === 'n' ? first.summary.shard.n : first.summary[field];
      const b = field === 'n' ? other.summary.shard.n : other.summary[field];
      if (a !== b) {
        const name = field === 'n' ? 'shard count n' : field;
        throw new UsageError(
          `${shown(other.path)}: ${name} ${JSON.stringify(b)} differs from ${JSON.stringify(a)} in ${shown(first.path)}: not shards of one sweep`,
        );
      }
    }
  }
  const n = first.summary.shard.n;
  const byK = new Map<number, Found>();
  for (const one of found) {
    const { k } = one.summary.shard;
    const twin = byK.get(k);
    if (twin) throw new UsageError(`shard ${k}/${n} appears twice: ${shown(twin.path)} and ${shown(one.path)}`);
    byK.set(k, one);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !byK.has(k));
  if (missing.length > 0) {
    const list = missing.slice(0, 10).map((k) => `${k}/${n}`);
    const more = missing.length > 10 ? ` and ${missing.length - 10} more` : '';
    throw new UsageError(
      `shard${missing.length > 1 ? 's' : ''} ${list.join(', ')}${more} missing: merge needs all ${n}`,
    );
  }
  const shards = [...byK.entries()].sort((a, b) => a[0] - b[0]).map(([, one]) => one);
  for (const { path, summary } of shards) {
    const size = shardSize(summary.runs, summary.shard);
    if (summary.played !== size) {
      throw new UsageError(
        `${shown(path)}: played: ${summary.played} runs, where shard ${summary.shard.k}/${n} of ${summary.runs} runs holds ${size}`,
      );
    }
    const stray = summary.failures.find((f) => f.index % n !== summary.shard.k - 1 || f.index >= summary.runs);
    if (stray) {
      throw new UsageError(
        `${shown(path)}: failures: run ${stray.index} is not in shard ${summary.shard.k}/${n} of ${summary.runs} runs`,
      );
    }
  }
  return shards;
}

function readScenario(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `${shown(path)}: cannot read the failing run's scenario file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
}
