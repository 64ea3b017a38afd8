import type { SeriesTable } from '../../engine/series';
import type { NodeId, VirtualMs } from '../../engine/types';
import { type LineLook, lineLook } from './style';

/** One line of a chart: a run's number, one node's, or one observer's view of one peer. */
export interface PlotLine extends LineLook {
  readonly key: string;
  /** What the legend says: the node (`n2`), the pair (`n1 → n3`), or the series' title. */
  readonly label: string;
  readonly values: readonly (number | null)[];
}

/** One chart: a declared series with every line of it, against virtual time. */
export interface Plot {
  readonly name: string;
  readonly title: string;
  readonly unit: string;
  /** Sample times in seconds (the x axis). */
  readonly times: readonly number[];
  readonly lines: readonly PlotLine[];
  /** Every value a whole number (terms, counts): the y axis then ticks whole numbers only. */
  readonly isWhole: boolean;
}

/**
 * The charts of a table of samples: one per declared series, in declaration order; a per-node line takes its
 * node's place in the cluster for its look, so n2 looks the same in every chart.
 */
export function plotsOf(table: SeriesTable, nodes: readonly NodeId[]): Plot[] {
  const times = table.times.map((t: VirtualMs) => t / 1000);
  const plots = new Map<string, { title: string; unit: string; lines: PlotLine[] }>();
  for (const column of table.columns) {
    const { name, title, unit } = column.declaration;
    let plot = plots.get(name);
    if (!plot) {
      plot = { title, unit, lines: [] };
      plots.set(name, plot);
    }
    const nodeIndex = column.node === null ? -1 : nodes.indexOf(column.node);
    const look = lineLook(column.peer === null && nodeIndex >= 0 ? nodeIndex : plot.lines.length);
    const label = column.node === null ? title : column.peer === null ? column.node : `${column.node} → ${column.peer}`;
    plot.lines.push({ key: column.key, label, values: column.values, ...look });
  }
  return [...plots].map(([name, p]) => ({
    name,
    title: p.title,
    unit: p.unit,
    times,
    lines: p.lines,
    isWhole: p.lines.every((l) => l.values.every((v) => v === null || Number.isInteger(v))),
  }));
}

/** The y axis's label: the title and, in brackets, the unit (`Term (term)` reads badly: then the title alone). */
export function axisLabel(plot: Pick<Plot, 'title' | 'unit'>): string {
  return plot.unit && plot.unit.toLowerCase() !== plot.title.toLowerCase()
    ? `${plot.title} (${plot.unit})`
    : plot.title;
}

/** One sentence for a screen reader: what the chart shows and its last values. */
export function plotSummary(plot: Plot): string {
  const last = plot.times.length - 1;
  if (last < 0) return `${plot.title} against virtual time: no samples yet.`;
  const values = plot.lines.map((l) => `${l.label} ${l.values[last] ?? 'no value'}`).join(', ');
  return `${axisLabel(plot)} against virtual time, sampled to ${plot.times[last]} s: ${values}.`;
}
