import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useElementSize } from '../diagram/useElementSize';
import { axisLabel, type Cdf, fractionAtOrBelow } from './cdf';
import { AXIS_INK, GRID, PLOT_FONT_PX } from './style';

const FONT = `${PLOT_FONT_PX}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
const LABEL_FONT = `600 ${FONT}`;

/**
 * uPlot's data for a CDF: the x axis is every value any line measured, ascending; each line's height there is
 * the fraction of its trials at or below it, and null outside its own smallest and largest value, so a line
 * starts where its trials start and stops where they stop.
 */
export function cdfData(cdf: Cdf): uPlot.AlignedData {
  const xs = [...new Set(cdf.lines.flatMap((l) => l.values))].sort((a, b) => a - b);
  const ys = cdf.lines.map((line) => {
    const lo = line.values[0];
    const hi = line.values[line.values.length - 1];
    return xs.map((x) =>
      lo === undefined || hi === undefined || x < lo || x > hi ? null : fractionAtOrBelow(line, x),
    );
  });
  return [xs, ...ys] as unknown as uPlot.AlignedData;
}

const shapeOf = (cdf: Cdf, isLog: boolean) =>
  `${isLog}/${axisLabel(cdf)}/${cdf.lines.map((l) => `${l.label}:${l.color}`).join('|')}`;

/**
 * The CDF of an experiment's measure, one stepped line per parameter value, redrawn as trials arrive; on a log
 * x axis when asked (only values above 0 can be placed on one).
 */
export function CdfChart({ cdf, isLog }: { cdf: Cdf; isLog: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latest = useRef(cdf);
  latest.current = cdf;
  const size = useElementSize(box, true);
  const shape = shapeOf(cdf, isLog);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `shape` stands for the lines and the quantity; the data is read from `latest`.
  useEffect(() => {
    const element = box.current;
    if (!element || !size) return;
    const c = latest.current;
    const axis = {
      stroke: AXIS_INK,
      font: FONT,
      labelFont: LABEL_FONT,
      grid: { stroke: GRID, width: 1 },
      ticks: { stroke: GRID },
    };
    const stepped = uPlot.paths.stepped?.({ align: 1 });
    const u = new uPlot(
      {
        width: size.width,
        height: size.height,
        legend: { show: false },
        cursor: { drag: { x: false, y: false }, points: { show: false } },
        scales: {
          x: isLog
            ? {
                time: false,
                distr: 3,
                log: 10,
                range: (_u, min, max) => uPlot.rangeLog(Math.max(min, 1e-3), max, 10, true),
              }
            : { time: false, range: (_u, _min, max) => [0, max > 0 ? max : 1] },
          y: { range: () => [0, 1] },
        },
        axes: [
          { ...axis, label: `${axisLabel(c)}${isLog ? ', log scale' : ''}`, labelSize: 22, size: 36 },
          { ...axis, label: 'CDF', labelSize: 22, size: 44, incrs: [0.25, 0.5, 1] },
        ],
        series: [
          {},
          ...c.lines.map((l) => ({
            label: l.label,
            stroke: l.color,
            width: 2,
            dash: [...l.dash],
            points: { show: false },
            ...(stepped ? { paths: stepped } : {}),
          })),
        ],
      },
      cdfData(c),
      element,
    );
    chart.current = u;
    return () => {
      u.destroy();
      chart.current = null;
    };
  }, [shape, size]);

  useEffect(() => {
    chart.current?.setData(cdfData(cdf));
  }, [cdf]);

  return <div className="plot-canvas cdf-canvas" ref={box} role="presentation" />;
}
