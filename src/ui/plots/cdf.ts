import { measureAxis, measureTitle } from '../../app/experimentMeasures';
import type { Face } from '../../engine/face';
import type { Experiment, ExperimentSummary } from '../../experiment/types';
import { type LineLook, lineLook } from './style';

/** One line of a CDF chart: one parameter value's measured values, ascending, out of `total` trials. */
export interface CdfLine extends LineLook {
  readonly label: string;
  readonly values: readonly number[];
  /** Its trials so far, unfinished ones included: a line with unfinished trials tops out below 1. */
  readonly total: number;
}

/** A CDF chart: what was measured, in which unit, one line per parameter value in the experiment's order. */
export interface Cdf {
  /** What was measured, in full: `Time from crash leader to a new leader`. */
  readonly title: string;
  /** The same in as few words as an axis has room for: `Time to a new leader`. */
  readonly axis: string;
  readonly unit: string;
  readonly lines: readonly CdfLine[];
}

/**
 * The chart of an experiment's summary (experiment/summary.ts): one line per parameter value, each with the
 * look of its place, as the other plots give the n-th line; `title` and `axis` say what was measured, in `unit`
 * (none when the words already name it).
 */
export function cdfOf(summary: ExperimentSummary, title: string, axis: string = title, unit = summary.unit): Cdf {
  return {
    title,
    axis,
    unit,
    lines: summary.parameters.map((p, i) => ({ label: p.label, values: p.values, total: p.n, ...lineLook(i) })),
  };
}

/**
 * The chart of an experiment's results so far: in the file's own words for its axis when it gives them
 * (`measure.label`, unit included: the schema keeps it, the parsed Measure type does not declare it yet), else
 * in the protocol's words (`face`): `Time from crash n1 to a new leader`, `Time to a new leader` on the axis.
 */
export function cdfOfExperiment(experiment: Experiment, summary: ExperimentSummary, face: Face): Cdf {
  const { label } = experiment.measure as { readonly label?: string };
  if (label) return cdfOf(summary, label, label, '');
  const events = Array.isArray(experiment.scenario.events) ? experiment.scenario.events : [];
  return cdfOf(summary, measureTitle(experiment.measure, events, face), measureAxis(experiment.measure, face));
}

/**
 * Whether the x axis reads best on a log scale: every value above 0 and spanning a factor of 10 or more (a
 * timeout of 12-24 ms beside 150-150's split votes), the rule the experiment's SVG follows (experiment/svg.ts).
 */
export function isLogByDefault(cdf: Cdf): boolean {
  const all = cdf.lines.flatMap((l) =>
    l.values.length > 0 ? [l.values[0] as number, l.values[l.values.length - 1] as number] : [],
  );
  if (all.length === 0) return false;
  const lo = Math.min(...all);
  return lo > 0 && Math.max(...all) / lo >= 10;
}

/** The fraction of a line's trials at or below x: its CDF's height there. */
export function fractionAtOrBelow(line: Pick<CdfLine, 'values' | 'total'>, x: number): number {
  if (line.total === 0) return 0;
  let lo = 0;
  let hi = line.values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((line.values[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo / line.total;
}

/** A figure for the table: whole when it is, else one decimal; null (among the unfinished trials) as `>until`. */
export function formatFigure(v: number | null, untilMs: number, unit: string): string {
  if (v === null) return unit === 'ms' ? `>${untilMs}` : '–';
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** The measured quantity with its unit: `Time from crash leader to a new leader (ms)`. */
export function quantityLabel(cdf: Pick<Cdf, 'title' | 'unit'>): string {
  return cdf.unit ? `${cdf.title} (${cdf.unit})` : cdf.title;
}

/** The chart's x axis label: the short words and the unit, `Time to a new leader (ms)`. */
export function axisLabel(cdf: Pick<Cdf, 'axis' | 'unit'>): string {
  return cdf.unit ? `${cdf.axis} (${cdf.unit})` : cdf.axis;
}

/** One sentence for a screen reader: what the chart shows, and each line's trials and median. */
export function cdfSummary(cdf: Cdf, summary: ExperimentSummary): string {
  const parts = summary.parameters.map(
    (p) =>
      `${p.label}: ${p.n} trials, median ${formatFigure(p.median, summary.untilMs, summary.unit)}${p.unfinished > 0 ? `, ${p.unfinished} unfinished` : ''}`,
  );
  return `Cumulative fraction of trials against ${quantityLabel(cdf)}. ${parts.join('; ')}.`;
}
