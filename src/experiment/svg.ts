import type { ExperimentSummary, Measure } from './types';

export interface CdfSvgOptions {
  /** Under the title: what the x axis measures. Default: said from the measure. */
  readonly xLabel?: string;
  /** Log or linear x axis; default log when every value is positive and they span a factor of 10 or more. */
  readonly scale?: 'log' | 'linear';
  readonly width?: number;
  readonly height?: number;
}

/** Okabe and Ito's colour-blind-safe palette (without its yellow, too light on white), then dashed repeats. */
const COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (x: number) => (Math.round(x * 10) / 10).toString();

/**
 * A plain SVG of the empirical CDF of every parameter value: one step line each (the fraction of its trials
 * at or below x), a legend by label, axes with ticks. No script, no fonts beyond the reader's sans-serif; a
 * line that ends below 100 % had trials that never finished (the legend says how many).
 */
export function cdfSvg(summary: ExperimentSummary, options: CdfSvgOptions = {}): string {
  const width = options.width ?? 720;
  const height = options.height ?? 420;
  const m = { left: 64, right: 190, top: 44, bottom: 56 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const all = summary.parameters.flatMap((p) => p.values);
  const lo = all.length > 0 ? Math.min(...all) : 0;
  const hi = all.length > 0 ? Math.max(...all) : 1;
  const isLog = (options.scale ?? (lo > 0 && hi / lo >= 10 ? 'log' : 'linear')) === 'log' && lo > 0;
  const axis = isLog ? logAxis(lo, hi) : linearAxis(lo, hi);
  const x = (v: number) => m.left + plotW * axis.at(v);
  const y = (f: number) => m.top + plotH * (1 - f);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${esc(summary.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${m.left}" y="20" font-size="15" font-weight="bold">${esc(summary.title)}</text>`,
  ];
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    out.push(`<line x1="${m.left}" x2="${m.left + plotW}" y1="${num(y(f))}" y2="${num(y(f))}" stroke="#dddddd"/>`);
    out.push(`<text x="${m.left - 6}" y="${num(y(f) + 4)}" text-anchor="end">${f * 100}%</text>`);
  }
  for (const t of axis.ticks) {
    out.push(`<line x1="${num(x(t))}" x2="${num(x(t))}" y1="${m.top}" y2="${m.top + plotH}" stroke="#eeeeee"/>`);
    out.push(`<text x="${num(x(t))}" y="${m.top + plotH + 16}" text-anchor="middle">${t}</text>`);
  }
  out.push(`<rect x="${m.left}" y="${m.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#555555"/>`);
  const xLabel = options.xLabel ?? summary.measure.label ?? describeMeasure(summary.measure, summary.unit);
  out.push(
    `<text x="${m.left + plotW / 2}" y="${height - 14}" text-anchor="middle">${esc(xLabel)}${isLog ? ' (log scale)' : ''}</text>`,
  );
  out.push(
    `<text transform="translate(16 ${m.top + plotH / 2}) rotate(-90)" text-anchor="middle">cumulative fraction of trials</text>`,
  );
  summary.parameters.forEach((p, i) => {
    const color = COLORS[i % COLORS.length] as string;
    const dash = i >= COLORS.length ? ' stroke-dasharray="6 3"' : '';
    if (p.values.length > 0) {
      let d = `M${num(x(p.values[0] as number))} ${num(y(0))}`;
      p.values.forEach((v, k) => {
        const next = p.values[k + 1];
        if (next === v) return;
        d += `V${num(y((k + 1) / p.n))}`;
        if (next !== undefined) d += `H${num(x(next))}`;
      });
      out.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.6"${dash}/>`);
    }
    const ly = m.top + 8 + i * 18;
    const lx = m.left + plotW + 14;
    out.push(`<line x1="${lx}" x2="${lx + 22}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2.5"${dash}/>`);
    const unfinished =
      p.unfinished === 0 ? '' : p.unfinished === p.n ? ' (none ended)' : ` (${p.unfinished} not ended)`;
    out.push(`<text x="${lx + 28}" y="${ly + 4}">${esc(p.label + unfinished)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function describeMeasure(measure: Measure, unit: string): string {
  if (measure.kind === 'milestone')
    return `${unit} from events[${measure.from}] to the first "${measure.milestone}" after it`;
  if (measure.kind === 'messages-per-milestone') return `messages sent per "${measure.milestone}"`;
  return `${measure.fact}.${measure.field}`;
}

interface Axis {
  /** Where v falls across the plot, 0 at the left, 1 at the right. */
  at(v: number): number;
  readonly ticks: readonly number[];
}

function logAxis(lo: number, hi: number): Axis {
  const a = Math.floor(Math.log10(lo));
  const b = Math.max(a + 1, Math.ceil(Math.log10(hi)));
  const ticks: number[] = [];
  for (let e = a; e <= b; e++) {
    for (const f of b - a > 3 ? [1] : [1, 2, 5]) {
      const t = f * 10 ** e;
      if (t >= 10 ** a && t <= 10 ** b) ticks.push(Number(t.toPrecision(6)));
    }
  }
  return { at: (v) => (Math.log10(v) - a) / (b - a), ticks };
}

function linearAxis(lo: number, hi: number): Axis {
  const span = hi - lo || 1;
  const raw = span / 6;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((s) => s * mag >= raw) ?? 10) * mag;
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step || step;
  const ticks: number[] = [];
  for (let t = start; t <= end + step / 2; t += step) ticks.push(Number(t.toPrecision(6)));
  return { at: (v) => (v - start) / (end - start || 1), ticks };
}
