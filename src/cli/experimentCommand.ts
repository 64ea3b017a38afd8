import { writeFileSync } from 'node:fs';
import { MAX_PATH_ECHO_CHARS, quote } from '../engine/quote';
import { cdfSvg, loadExperimentText, summarize, type TrialResult, trialsOf } from '../experiment';
import { cdfCsv } from '../experiment/csv';
import { MAX_TRIALS } from '../experiment/schema';
import type { ExperimentSummary, ParameterSummary } from '../experiment/types';
import { parse, readInput, UsageError, wholeNumber } from './args';
import { defaultJobs, runPool } from './pool';

const USAGE =
  'usage: npm run -s sim -- experiment <experiment.json | -> [--jobs N] [--trials N] [--json] [--csv <file>] [--svg <file>]';
const MAX_JOBS = 256;

/**
 * `experiment`: plays every trial of an experiment file on `--jobs` worker threads and prints the figures of each
 * parameter value (docs/experiments.md). The results are the same for any `--jobs`: each trial is a function of
 * its value and index, and they are put back in that order before anything is summed. Exit 1 when a trial broke
 * an invariant, 2 for bad input.
 */
export async function experimentCommand(argv: readonly string[], out: (text: string) => void): Promise<number> {
  const { values, positionals } = parse(argv, {
    jobs: { type: 'string' },
    trials: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'string' },
    svg: { type: 'string' },
  });
  if (positionals.length !== 1)
    throw new UsageError(`expected one experiment file (or - for standard input)\n${USAGE}`);
  const path = positionals[0] as string;
  const jobs = wholeNumber('--jobs', values.jobs, defaultJobs(), 1, MAX_JOBS);
  const maxTrials = wholeNumber('--trials', values.trials, MAX_TRIALS, 1, MAX_TRIALS);
  const where = path === '-' ? 'stdin' : quote(path, (s) => s, MAX_PATH_ECHO_CHARS);
  const parsed = await loadExperimentText(readInput(path));
  if (!parsed.ok) throw new UsageError(parsed.errors.map((e) => `${where}: ${e}`).join('\n'));
  const { experiment } = parsed;
  const trials = trialsOf(experiment, maxTrials);
  const results: TrialResult[] = [];
  let refused: string | undefined;
  let next = 0;
  await runPool({
    kind: 'experiment',
    jobs: Math.min(jobs, trials.length),
    next: () => trials[next++],
    onResult: (result) => {
      results.push(result);
      refused ??= result.refused;
      return refused === undefined ? undefined : 'stop';
    },
  });
  // Too much work is refused like bad input, as `run` refuses it: exit 2, the budget named, nothing on stdout.
  if (refused !== undefined) throw new UsageError(`${where}: ${refused}`);
  results.sort((a, b) => a.parameter - b.parameter || a.index - b.index);
  const summary = summarize(experiment, results);
  if (values.csv !== undefined) writeFileSync(values.csv, cdfCsv(summary, results));
  if (values.svg !== undefined) writeFileSync(values.svg, cdfSvg(summary));
  out(values.json ? JSON.stringify({ ...summary, trials: results.length }) : tableOf(summary, results.length));
  return summary.parameters.some((p) => p.violations > 0) ? 1 : 0;
}

const figure = (x: number | null, untilMs: number, unit: string) =>
  x === null ? (unit === 'ms' ? `>${untilMs}` : '-') : Number.isInteger(x) ? String(x) : x.toFixed(1);

function tableOf(summary: ExperimentSummary, trials: number): string {
  const unit = summary.unit === '' ? '' : ` (${summary.unit})`;
  const head = ['parameter', 'trials', 'min', 'median', 'mean', 'p90', 'p99', 'max', 'unfinished'];
  const rows = summary.parameters.map((p: ParameterSummary) => [
    p.label,
    String(p.n),
    ...[p.min, p.median, p.mean, p.p90, p.p99, p.max].map((x) => figure(x, summary.untilMs, summary.unit)),
    String(p.unfinished),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  const violations = summary.parameters.reduce((sum, p) => sum + p.violations, 0);
  return [
    `${summary.title}: ${trials} trials${unit}`,
    line(head),
    ...rows.map(line),
    violations === 0 ? 'no invariant violated' : `VIOLATIONS: ${violations} in the trials (see --csv)`,
  ].join('\n');
}
