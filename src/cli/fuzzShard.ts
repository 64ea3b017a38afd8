import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { quote } from '../engine/quote';
import { UsageError } from './args';
import type { Shard } from './fuzzParallel';
import { type ShardSummary, SUMMARY_FORMAT, summaryFileName } from './fuzzReport';

const MAX_SHARDS = 1_000_000;

/** `--shard k/n`: shard k (from 1) of n, or a UsageError naming the flag. */
export function parseShard(raw: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const k = Number(match?.[1]);
  const n = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(n) || n < 1 || n > MAX_SHARDS || k < 1 || k > n) {
    throw new UsageError(`--shard: must be k/n with 1 <= k <= n <= ${MAX_SHARDS}, got ${quote(raw)}`);
  }
  return { k, n };
}

/** Writes a shard's summary into its `--out` directory, beside the scenario files it names (by file name). */
export function writeShardSummary(
  dir: string,
  shard: Omit<ShardSummary, 'format' | 'version' | 'failures'> & {
    readonly failures: readonly (ShardSummary['failures'][number] & { readonly scenario: string })[];
  },
): void {
  const failures = shard.failures.map((f) => ({
    index: f.index,
    seed: f.seed,
    violations: f.violations,
    scenario: basename(f.scenario),
    ...(f.original === undefined ? {} : { original: basename(f.original), inputs: f.inputs, shrink: f.shrink }),
  }));
  const summary: ShardSummary = { format: SUMMARY_FORMAT, version: 1, ...shard, failures };
  mkdirSync(dir, { recursive: true });
  // Written last and renamed into place, so a merge that waits for the summaries on a shared volume never reads
  // half a file, nor a summary whose scenario files are not written yet.
  const path = join(dir, summaryFileName(shard.shard));
  writeFileSync(`${path}.partial`, `${JSON.stringify(summary, null, 2)}\n`);
  renameSync(`${path}.partial`, path);
}
