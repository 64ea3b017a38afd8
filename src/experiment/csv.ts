import type { ExperimentSummary, TrialResult } from './types';

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180), its quotes doubled. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * An experiment's results as CSV, one row a trial, as the CLI's `--csv` and the Plots panel's download write it
 * (`parameter,trial,seed,value,violations`; an unfinished trial has an empty value), ordered by parameter value
 * and trial whatever order the workers answered in, so the same experiment downloads the same file.
 */
export function cdfCsv(summary: ExperimentSummary, results: readonly TrialResult[]): string {
  const rows = [...results].sort((a, b) => a.parameter - b.parameter || a.index - b.index);
  const lines = ['parameter,trial,seed,value,violations'];
  for (const r of rows) {
    const label = summary.parameters[r.parameter]?.label ?? '';
    lines.push(`${field(label)},${r.index},${r.seed},${r.value ?? ''},${r.violations}`);
  }
  return `${lines.join('\n')}\n`;
}
