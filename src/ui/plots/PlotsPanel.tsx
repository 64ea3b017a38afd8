import { useMemo, useState } from 'react';
import { useStore, useStoreApi } from '../../app/useStore';
import './plots.css';
import { Tabs } from '../Tabs';
import { Chart } from './Chart';
import { ExperimentsPanel } from './ExperimentsPanel';
import { type Plot, plotSummary, plotsOf } from './model';

/**
 * The Plots tab: the run's series against virtual time (when the protocol declares any) and Experiments (the
 * CDF of a measure over many trials), each its own tab; without series, Experiments alone.
 */
export function PlotsPanel() {
  const hasSeries = useStore((s) => s.frame.series !== null);
  const [tab, setTab] = useState('series');
  if (!hasSeries) return <ExperimentsPanel />;
  return (
    <div className="plots-tabs">
      <Tabs
        label="Plots"
        active={tab}
        onChange={setTab}
        tabs={[
          { id: 'series', label: 'Series', content: <SeriesPlots /> },
          { id: 'experiments', label: 'Experiments', content: <ExperimentsPanel /> },
        ]}
      />
    </div>
  );
}

/**
 * The series (spec/protocols.md §1.8): each series the protocol declares, against virtual time, up to now.
 * The samples come from the run as it is computed (engine/series.ts), so a rewind shows the run as it was then
 * and a new input redraws from there.
 */
function SeriesPlots() {
  const store = useStoreApi();
  const sampler = useStore((s) => s.frame.series);
  const now = useStore((s) => s.now);
  const nodes = useStore((s) => s.scenario.nodes);
  // Where the timeline ends (the store's own rule): the x axis spans the same run.
  const endMs = useStore(() => store.endMs());
  // New samples up to now, or forgotten ones: the only changes that redraw the lines.
  const revision = sampler?.revision ?? 0;
  const count = sampler?.countThrough(now) ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: (revision, count) say when the sampler's table up to now changed.
  const plots = useMemo(() => (sampler ? plotsOf(sampler.table(now), nodes) : []), [sampler, revision, count, nodes]);
  if (plots.length === 0) return null;
  const seek = (seconds: number) => store.seek(Math.round(seconds * 1000));
  return (
    <div className="plots-panel">
      {plots.map((plot) => (
        <PlotFigure key={plot.name} plot={plot} nowS={now / 1000} endS={endMs / 1000} onSeek={seek} />
      ))}
    </div>
  );
}

function PlotFigure({
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
  return (
    <figure className="plot" aria-label={`${plot.title} plot`}>
      <figcaption>
        <span className="plot-title">{plot.title}</span>
        <ul className="plot-legend" aria-label={`${plot.title} lines`}>
          {plot.lines.map((line) => (
            <li key={line.key}>
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
            </li>
          ))}
        </ul>
      </figcaption>
      <p className="sr-only">{plotSummary(plot)}</p>
      <Chart plot={plot} nowS={nowS} endS={endS} onSeek={onSeek} />
    </figure>
  );
}
