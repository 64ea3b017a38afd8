import { downloadBlob, svgBlob } from '../pictures/download';
import { CdfChart } from './CdfChart';
import { type Cdf, cdfSummary, formatValue, quantityLabel, statsOf, type TrialValue } from './cdf';
import { cdfCsv } from './cdfCsv';
import { cdfSvg } from './cdfSvg';

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
  values,
  parameters,
  fileTitle,
}: {
  cdf: Cdf;
  values: readonly TrialValue[];
  parameters: readonly string[];
  fileTitle: string;
}) {
  const label = quantityLabel(cdf);
  const hasMissing = cdf.lines.some((l) => l.missing > 0);
  return (
    <figure className="cdf-figure" aria-label={`CDF of ${label}`}>
      <p className="sr-only">{cdfSummary(cdf)}</p>
      <div className="cdf-body">
        <CdfChart cdf={cdf} />
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
                {hasMissing && <th scope="col">none</th>}
              </tr>
            </thead>
            <tbody>
              {cdf.lines.map((line) => {
                const s = statsOf(line);
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
                    <td>{s.n}</td>
                    <td>{formatValue(s.median)}</td>
                    <td>{formatValue(s.mean)}</td>
                    <td>{formatValue(s.p99)}</td>
                    <td>{formatValue(s.max)}</td>
                    {hasMissing && <td>{s.missing}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <span className="cdf-downloads">
            <button
              type="button"
              onClick={() =>
                downloadBlob(
                  new Blob([cdfCsv(values, parameters)], { type: 'text/csv' }),
                  experimentFileName(fileTitle, 'csv'),
                )
              }
            >
              Download CSV
            </button>
            <button
              type="button"
              onClick={() => downloadBlob(svgBlob(cdfSvg(cdf)), experimentFileName(fileTitle, 'svg'))}
            >
              Download SVG
            </button>
          </span>
        </div>
      </div>
    </figure>
  );
}
