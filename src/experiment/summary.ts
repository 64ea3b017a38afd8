import type { Experiment, ExperimentSummary, Measure, ParameterSummary, TrialResult } from './types';

/** The unit of a measure's values. */
export function unitOf(measure: Measure): string {
  return measure.kind === 'milestone' ? 'ms' : measure.kind === 'messages-per-milestone' ? 'messages' : '';
}

/**
 * The figures of every parameter value from its trials' results (any order, any subset): n, min, median,
 * mean, p90, p99, max and the sorted values. Quantiles interpolate between the closest ranks (the R-7 rule,
 * numpy's default); an unfinished trial counts as larger than every value, so a quantile that falls among the
 * unfinished is null ("more than until"), and so are the mean and the max when any trial is unfinished.
 */
export function summarize(experiment: Experiment, results: readonly TrialResult[]): ExperimentSummary {
  const byValue = experiment.values.map(() => [] as TrialResult[]);
  for (const r of results) byValue[r.parameter]?.push(r);
  return {
    title: experiment.title,
    measure: experiment.measure,
    unit: unitOf(experiment.measure),
    untilMs: experiment.untilMs,
    parameters: experiment.values.map((v, i) => figures(v.label, v.value, byValue[i] as TrialResult[])),
  };
}

function figures(label: string, value: unknown, results: readonly TrialResult[]): ParameterSummary {
  const values = results
    .map((r) => r.value)
    .filter((x): x is number => x !== null)
    .sort((a, b) => a - b);
  const n = results.length;
  const unfinished = n - values.length;
  const q = (p: number) => quantile(values, n, p);
  return {
    label,
    value,
    n,
    unfinished,
    violations: results.reduce((sum, r) => sum + r.violations, 0),
    min: values.length > 0 ? (values[0] as number) : null,
    median: q(0.5),
    mean: unfinished === 0 && n > 0 ? values.reduce((a, b) => a + b, 0) / n : null,
    p90: q(0.9),
    p99: q(0.99),
    max: unfinished === 0 && n > 0 ? (values[n - 1] as number) : null,
    values,
  };
}

/** The p-quantile of n results whose finished values are `sorted` (the rest unfinished, above all of them). */
export function quantile(sorted: readonly number[], n: number, p: number): number | null {
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  if (hi >= sorted.length) return null;
  const a = sorted[lo] as number;
  return a + (h - lo) * ((sorted[hi] as number) - a);
}
