import type { Violation } from '../engine/types';
import type { Shard } from './fuzzParallel';
import { failureLines, type SavedFailure } from './saveFailure';

/** What `fuzz` prints, and what `fuzz merge` prints for the shards of a sweep: the same report. */
export interface FuzzReport {
  readonly protocol: string;
  readonly bug: string | null;
  /** Set for the report of one shard (its own runs only). */
  readonly shard?: Shard;
  readonly runs: number;
  readonly events: number;
  /** In index order; `scenario` is the path of the file that replays the run. */
  readonly failures: readonly SavedFailure[];
}

/** The report as text: with `json`, the contract's `{ runs, failures: [{ seed, violations, scenario }] }`. */
export function formatReport(report: FuzzReport, json: boolean): string {
  // The contract's fields, then a shrunk failure's `original` and `inputs` (saveFailure.ts).
  const failures = report.failures.map(({ seed, violations, scenario, original, inputs }) => ({
    seed,
    violations,
    scenario,
    ...(original === undefined ? {} : { original, inputs }),
  }));
  if (json) return JSON.stringify({ runs: report.runs, failures });
  const shard = report.shard ? `, shard ${report.shard.k}/${report.shard.n}` : '';
  const lines = [
    `${report.protocol}${report.bug ? ` with bug ${report.bug}` : ''}${shard}: ${report.runs} runs, ${report.events} events, ${failures.length} failing`,
  ];
  for (const f of report.failures) lines.push(...failureLines(f));
  return lines.join('\n');
}

/** The scenario file name `fuzz` gives a failing run in its `--out` directory. */
export const scenarioFileName = (protocol: string, bug: string | null, seed: number): string =>
  `${protocol}-${bug ?? 'correct'}-${seed}.json`;

/**
 * What `fuzz --shard k/n --out <dir>` writes beside its scenario files, for `fuzz merge` (docs/fuzzing.md):
 * the sweep's options, which shard, and what the shard found.
 */
export interface ShardSummary {
  readonly format: typeof SUMMARY_FORMAT;
  readonly version: 1;
  readonly protocol: string;
  readonly bug: string | null;
  /** The sweep's seed, runs, nodes, until (ms) and clients, as the flags gave them. */
  readonly seed: number;
  readonly runs: number;
  readonly nodes: number;
  readonly until: number;
  readonly clients: number;
  readonly shard: Shard;
  /** Runs this shard played: those whose index i has i mod n = k - 1. */
  readonly played: number;
  readonly events: number;
  readonly failures: readonly {
    readonly index: number;
    readonly seed: number;
    readonly violations: readonly Violation[];
    /** The scenario file's name, in the same directory as the summary. */
    readonly scenario: string;
    /** A shrunk failure's original file's name, beside it, and the shrink's figures (saveFailure.ts). */
    readonly original?: string;
    readonly inputs?: SavedFailure['inputs'];
    readonly shrink?: SavedFailure['shrink'];
  }[];
}

export const SUMMARY_FORMAT = 'netsplit-fuzz-shard';

/** One name per shard, so shards may share a directory (a volume, a downloaded artifact set). */
export const summaryFileName = (shard: Shard): string => `fuzz-summary-${shard.k}-of-${shard.n}.json`;
export const SUMMARY_FILE = /^fuzz-summary-\d+-of-\d+\.json$/;
