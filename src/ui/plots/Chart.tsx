import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useElementSize } from '../diagram/useElementSize';
import { axisLabel, type Plot } from './model';
import { AXIS_INK, CURSOR, GRID, PLOT_FONT_PX } from './style';

const FONT = `${PLOT_FONT_PX}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
const LABEL_FONT = `600 ${FONT}`;

/** Tick steps for whole-number series: a term is 1, 2, 3, never 0.25. */
const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 100_000, 1_000_000];

/** uPlot's data: the times, then one array per line (null is a gap: a node down, a name not given yet). */
const dataOf = (plot: Plot): uPlot.AlignedData =>
  [plot.times, ...plot.lines.map((l) => l.values)] as unknown as uPlot.AlignedData;

/** The shape of a chart's lines: a change of it (a line appears) rebuilds the chart, new samples only update it. */
const shapeOf = (plot: Plot) =>
  `${plot.isWhole}/${plot.lines.map((l) => `${l.key}:${l.color}:${l.dash.join(',')}`).join('|')}`;

/** Puts the now-cursor (the over layer's line) at now; the x scale is always [0, end]. */
function placeCursor(u: uPlot, nowS: number, endS: number): void {
  const line = u.over.querySelector<HTMLElement>('.plot-now');
  if (!line) return;
  const x = endS > 0 ? Math.min(1, Math.max(0, nowS / endS)) * u.over.clientWidth : 0;
  line.style.transform = `translateX(${Math.round(x)}px)`;
}

/**
 * One series against virtual time, drawn by uPlot (about 50 kB, canvas, fast enough to take new samples every
 * frame; it stays in this lazily loaded chunk). The x axis spans the whole run so far, the now-cursor is a line
 * over the canvas that follows the timeline, and a click on the chart seeks the run to the time under it.
 */
export function Chart({
  plot,
  nowS,
  endS,
  onSeek,
}: {
  plot: Plot;
  nowS: number;
  endS: number;
  onSeek: (seconds: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latest = useRef({ plot, nowS, endS, onSeek });
  latest.current = { plot, nowS, endS, onSeek };
  const size = useElementSize(box, true);
  const shape = shapeOf(plot);

  // Build (or rebuild, when the lines or the size change) the chart.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shape` stands for the plot's lines; the rest is read from `latest`.
  useEffect(() => {
    const element = box.current;
    if (!element || !size) return;
    const { plot: p } = latest.current;
    const axis = {
      stroke: AXIS_INK,
      font: FONT,
      labelFont: LABEL_FONT,
      grid: { stroke: GRID, width: 1 },
      ticks: { stroke: GRID },
    };
    const options: uPlot.Options = {
      width: size.width,
      height: size.height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { show: false }, y: false },
      scales: {
        x: { time: false, range: () => [0, Math.max(latest.current.endS, 0.001)] },
        y: { range: (_u, min, max) => (min === max ? [Math.min(0, min), max + 1] : [Math.min(0, min), max]) },
      },
      axes: [
        { ...axis, label: 'Virtual time (s)', labelSize: 22, size: 36 },
        { ...axis, label: axisLabel(p), labelSize: 22, size: 48, ...(p.isWhole ? { incrs: WHOLE_STEPS } : {}) },
      ],
      // uPlot lays the plotting area out after this call returns: place the cursor whenever it has drawn.
      hooks: { draw: [(u) => placeCursor(u, latest.current.nowS, latest.current.endS)] },
      series: [
        {},
        ...p.lines.map((l) => ({
          label: l.label,
          stroke: l.color,
          width: 2,
          dash: [...l.dash],
          points: { show: false },
        })),
      ],
    };
    const u = new uPlot(options, dataOf(p), element);
    const line = document.createElement('div');
    line.className = 'plot-now';
    line.dataset.testid = 'plot-now';
    line.setAttribute('aria-hidden', 'true');
    line.style.borderColor = CURSOR;
    u.over.appendChild(line);
    u.over.addEventListener('click', (event) => {
      // The x scale is always [0, end] (below), so the plotting area maps linearly, with or without samples yet.
      const width = u.over.clientWidth;
      if (width > 0) latest.current.onSeek(Math.max(0, (event.offsetX / width) * latest.current.endS));
    });
    chart.current = u;
    return () => {
      u.destroy();
      chart.current = null;
    };
  }, [shape, size]);

  // New samples, or a longer run: the same chart, new data.
  useEffect(() => {
    chart.current?.setData(dataOf(plot));
  }, [plot]);
  useEffect(() => {
    chart.current?.setScale('x', { min: 0, max: Math.max(endS, 0.001) });
  }, [endS]);

  // The now-cursor follows the timeline without redrawing the canvas.
  useEffect(() => {
    if (chart.current) placeCursor(chart.current, nowS, endS);
  });

  return <div className="plot-canvas" ref={box} role="presentation" />;
}
