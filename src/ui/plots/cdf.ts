import { type LineLook, lineLook } from './style';

/** One trial's measurement: which parameter value it ran with, its index there, and what it measured. */
export interface TrialValue {
  /** The parameter value's label (`150-155 ms`, `this run`). */
  readonly parameter: string;
  readonly trial: number;
  /** Null when the trial never measured it (the milestone never came before the run's end). */
  readonly value: number | null;
}

/** One line of a CDF chart: one parameter value's measurements, sorted. */
export interface CdfLine extends LineLook {
  readonly label: string;
  /** The measured values, ascending. */
  readonly values: readonly number[];
  /** Trials that measured nothing: the line tops out at values / (values + missing). */
  readonly missing: number;
}

/** A CDF chart: what was measured, in which unit, one line per parameter value in the experiment's order. */
export interface Cdf {
  readonly title: string;
  readonly unit: string;
  readonly lines: readonly CdfLine[];
}

/** What the table beside the chart says of one line. */
export interface CdfStats {
  readonly label: string;
  readonly n: number;
  readonly missing: number;
  readonly median: number | null;
  readonly mean: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

/**
 * The chart of a set of trial values: one line per parameter value, in the order `parameters` lists them (the
 * experiment's), then any other label in the order first seen; each line's look by its place, as the other plots.
 */
export function cdfOf(
  title: string,
  unit: string,
  values: readonly TrialValue[],
  parameters: readonly string[] = [],
): Cdf {
  const groups = new Map<string, { values: number[]; missing: number }>();
  for (const p of parameters) groups.set(p, { values: [], missing: 0 });
  for (const v of values) {
    let group = groups.get(v.parameter);
    if (!group) {
      group = { values: [], missing: 0 };
      groups.set(v.parameter, group);
    }
    if (v.value === null || !Number.isFinite(v.value)) group.missing++;
    else group.values.push(v.value);
  }
  const lines = [...groups].map(([label, g], i) => ({
    label,
    values: g.values.sort((a, b) => a - b),
    missing: g.missing,
    ...lineLook(i),
  }));
  return { title, unit, lines };
}

/** The q-quantile (0..1) of ascending values, nearest rank (p99 of 100 values is the 99th): a value that occurred. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

/** The median of ascending values: the middle one, or the mean of the middle two. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function statsOf(line: Pick<CdfLine, 'label' | 'values' | 'missing'>): CdfStats {
  const { values } = line;
  const n = values.length;
  const sum = values.reduce((s, v) => s + v, 0);
  return {
    label: line.label,
    n,
    missing: line.missing,
    median: median(values),
    mean: n > 0 ? sum / n : null,
    p99: quantile(values, 0.99),
    max: n > 0 ? (values[n - 1] as number) : null,
  };
}

/** The fraction of a line's trials at or below x: its CDF's height there (missing trials count in the total). */
export function fractionAtOrBelow(line: Pick<CdfLine, 'values' | 'missing'>, x: number): number {
  const total = line.values.length + line.missing;
  if (total === 0) return 0;
  // Binary search for the first value above x.
  let lo = 0;
  let hi = line.values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((line.values[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo / total;
}

/**
 * Each line as the corners of its step function: from (first value, 0) up a step at every distinct value to
 * (last value, its final fraction). A line without values has no points.
 */
export function stepPoints(line: Pick<CdfLine, 'values' | 'missing'>): [number, number][] {
  const { values } = line;
  const total = values.length + line.missing;
  if (values.length === 0) return [];
  const points: [number, number][] = [[values[0] as number, 0]];
  let below = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (i + 1 < values.length && values[i + 1] === x) continue;
    const y = below / total;
    const up = (i + 1) / total;
    if (points.length > 1 || y > 0) points.push([x, y]);
    points.push([x, up]);
    below = i + 1;
  }
  return points;
}

/** A number for the table and the exports: whole when it is, else one decimal. */
export function formatValue(v: number | null): string {
  if (v === null) return '–';
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** The axis label of the measured quantity: `Time to new leader (ms)`. */
export function quantityLabel(cdf: Pick<Cdf, 'title' | 'unit'>): string {
  return cdf.unit ? `${cdf.title} (${cdf.unit})` : cdf.title;
}

/** One sentence for a screen reader: what the chart shows. */
export function cdfSummary(cdf: Cdf): string {
  const parts = cdf.lines.map((l) => {
    const s = statsOf(l);
    return `${l.label}: ${s.n} trials, median ${formatValue(s.median)}${s.missing > 0 ? `, ${s.missing} measured nothing` : ''}`;
  });
  return `Cumulative fraction of trials against ${quantityLabel(cdf)}. ${parts.join('; ')}.`;
}
