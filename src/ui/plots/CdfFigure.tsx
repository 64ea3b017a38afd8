import { useId, useState } from 'react';
import { cdfCsv } from '../../experiment/csv';
import { cdfSvg } from '../../experiment/svg';
import type { ExperimentSummary, TrialResult } from '../../experiment/types';
import { downloadBlob, svgBlob } from '../pictures/download';
import { CdfChart } from './CdfChart';
import { type Cdf, cdfSummary, formatFigure, isLogByDefault, quantityLabel } from './cdf';

/** A file name from the experiment's title, safe on every system. */
export function experimentFileName(title: string, ext: 'csv' | 'svg'): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'experiment'}.${ext}`;
}

/**
 * An experiment's CDF: the chart, and beside it the same numbers as a table (n, median, mean, p99, max per
 * parameter value) for a screen reader and the back row, whose row heads are the legend (each line's colour
 * and dash before its label); with CSV and SVG downloads of the data.
 */
export function CdfFigure({
  cdf,
  summary,
  results,
}: {
  cdf: Cdf;
  summary: ExperimentSummary;
  results: readonly TrialResult[];
}) {
  const label = quantityLabel(cdf);
  const hasUnfinished = summary.parameters.some((p) => p.unfinished > 0);
  const figure = (v: number | null) => formatFigure(v, summary.untilMs, summary.unit);
  const canLog = cdf.lines.every((l) => l.values.length === 0 || (l.values[0] as number) > 0);
  const [logChoice, setLogChoice] = useState<boolean | null>(null);
  const isLog = canLog && (logChoice ?? isLogByDefault(cdf));
  const logId = useId();
  return (
    <figure className="cdf-figure" aria-label={`CDF of ${label}`}>
      <p className="sr-only">{cdfSummary(cdf, summary)}</p>
      <div className="cdf-body">
        <CdfChart cdf={cdf} isLog={isLog} />
        <div className="cdf-side">
          <table className="cdf-table">
            <caption className="sr-only">{label} per parameter value</caption>
            <thead>
              <tr>
                <th scope="col">value</th>
                <th scope="col">n</th>
                <th scope="col">median</th>
                <th scope="col">mean</th>
                <th scope="col">p99</th>
                <th scope="col">max</th>
                {hasUnfinished && <th scope="col">unfinished</th>}
              </tr>
            </thead>
            <tbody>
              {cdf.lines.map((line, i) => {
                const p = summary.parameters[i];
                if (!p) return null;
                return (
                  <tr key={line.label}>
                    <th scope="row">
                      <svg width="28" height="10" aria-hidden="true">
                        <line
                          x1="1"
                          y1="5"
                          x2="27"
                          y2="5"
                          stroke={line.color}
                          strokeWidth="2.5"
                          strokeDasharray={line.dash.length > 0 ? line.dash.join(' ') : undefined}
                        />
                      </svg>
                      {line.label}
                    </th>
                    <td>{p.n}</td>
                    <td>{figure(p.median)}</td>
                    <td>{figure(p.mean)}</td>
                    <td>{figure(p.p99)}</td>
                    <td>{figure(p.max)}</td>
                    {hasUnfinished && <td>{p.unfinished}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <span className="cdf-downloads">
            <label htmlFor={logId} className="cdf-log">
              <input
                id={logId}
                type="checkbox"
                checked={isLog}
                disabled={!canLog}
                onChange={(e) => setLogChoice(e.target.checked)}
              />
              Log scale
            </label>
            <button
              type="button"
              onClick={() =>
                downloadBlob(
                  new Blob([cdfCsv(summary, results)], { type: 'text/csv' }),
                  experimentFileName(summary.title, 'csv'),
                )
              }
            >
              Download CSV
            </button>
            <button
              type="button"
              onClick={() =>
                downloadBlob(
                  svgBlob(cdfSvg(summary, { xLabel: label, scale: isLog ? 'log' : 'linear' })),
                  experimentFileName(summary.title, 'svg'),
                )
              }
            >
              Download SVG
            </button>
          </span>
        </div>
      </div>
    </figure>
  );
}
