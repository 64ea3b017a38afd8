import { useId, useMemo, useState, useSyncExternalStore } from 'react';
import { createExperimentWorker } from '../../app/experimentClient';
import { ExperimentSession, type ExperimentState, trialsPerSecond } from '../../app/experimentSession';
import { seedsPlan } from '../../app/seedsPlan';
import { useStore, useStoreApi } from '../../app/useStore';
import { useFace } from '../hooks';
import { CdfFigure } from './CdfFigure';
import { cdfOf } from './cdf';
import { measuresOf, valuesOf } from './measures';

/** The most seeds one click may ask for: enough for a CDF's tail, few enough to finish in minutes. */
export const MAX_SEEDS = 10_000;

/** The page's one experiment session: it lives as long as the page, so switching tabs keeps a run going. */
let shared: ExperimentSession | null = null;
const sessionOf = (): ExperimentSession => {
  shared ??= new ExperimentSession({ create: createExperimentWorker, clock: () => performance.now() });
  return shared;
};

/** The seeds field's number, or what is wrong with it (naming the field). */
export function parseSeeds(text: string): { count: number } | { error: string } {
  const count = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(count) || count < 1 || count > MAX_SEEDS) {
    return { error: `Seeds: a whole number from 1 to ${MAX_SEEDS.toLocaleString('en')}` };
  }
  return { count };
}

/** The progress line: trials done of all, and how fast they come. */
export function progressText(state: ExperimentState): string {
  const total = state.plan?.trials.length ?? 0;
  const rate = trialsPerSecond(state).toFixed(1);
  switch (state.status) {
    case 'idle':
      return 'No experiment run yet.';
    case 'running':
      return `${state.done} / ${total} trials · ${rate} trials/s`;
    case 'done':
      return `Done: ${state.done} trials in ${(state.elapsedMs / 1000).toFixed(1)} s · ${rate} trials/s`;
    case 'cancelled':
      return `Cancelled after ${state.done} of ${total} trials`;
    case 'failed':
      return `Stopped after ${state.done} of ${total} trials`;
    default: {
      const never: never = state.status;
      return never;
    }
  }
}

/**
 * The Plots tab's Experiments: "this run over N seeds" (the current scenario with other seeds, measuring the
 * time to each milestone the protocol declares, and its facts), played in a pool of Web Workers while the page
 * stays live, with progress, Cancel, and the CDF and its table filling in as trials arrive.
 */
export function ExperimentsPanel() {
  const session = sessionOf();
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const store = useStoreApi();
  const face = useFace();
  const runTitle = useStore((s) => s.scenario.title);
  const [seedsText, setSeedsText] = useState('100');
  const [measureKey, setMeasureKey] = useState<string | null>(null);
  const ids = useId();
  const seeds = parseSeeds(seedsText);
  const isRunning = state.status === 'running';

  // The outcomes array grows in place while a plan runs: `done` says when it changed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `state.done` stands for the outcomes' length.
  const measures = useMemo(() => measuresOf(state.plan?.measures ?? [], state.outcomes), [state.plan, state.done]);
  const measure = measures.find((m) => m.key === measureKey) ?? measures[0];
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above.
  const values = useMemo(
    () => (measure ? valuesOf(state.outcomes, measure.key) : []),
    [measure, state.outcomes, state.done],
  );
  const parameters = state.plan?.parameters ?? [];
  const cdf = useMemo(
    () => (measure ? cdfOf(measure.title, measure.unit, values, parameters) : null),
    [measure, values, parameters],
  );

  const start = () => {
    if (!('count' in seeds)) return;
    const { scenario } = store.getState();
    const title = `${runTitle || 'This run'} over ${seeds.count} seeds`;
    void session.start(seedsPlan(store.fileText(), scenario.seed, seeds.count, title, face));
  };
  const total = state.plan?.trials.length ?? 0;

  return (
    <section className="experiments-panel" aria-label="Experiments">
      <div className="experiment-controls">
        <label htmlFor={`${ids}-seeds`}>This run over</label>
        <input
          id={`${ids}-seeds`}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_SEEDS}
          value={seedsText}
          onChange={(e) => setSeedsText(e.target.value)}
          aria-invalid={'error' in seeds}
          aria-describedby={'error' in seeds ? `${ids}-seeds-error` : undefined}
          disabled={isRunning}
        />
        <span aria-hidden="true">seeds</span>
        {isRunning ? (
          <button type="button" onClick={() => session.cancel()}>
            Cancel
          </button>
        ) : (
          <button type="button" className="primary" onClick={start} disabled={!('count' in seeds)}>
            Run experiment
          </button>
        )}
        {measures.length > 1 && (
          <>
            <label htmlFor={`${ids}-measure`}>Measure</label>
            <select id={`${ids}-measure`} value={measure?.key} onChange={(e) => setMeasureKey(e.target.value)}>
              {measures.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.unit ? `${m.title} (${m.unit})` : m.title}
                </option>
              ))}
            </select>
          </>
        )}
        {'error' in seeds && (
          <span id={`${ids}-seeds-error`} className="experiment-error">
            {seeds.error}
          </span>
        )}
        <span className="experiment-progress">
          {state.plan && <strong>{state.plan.title}</strong>}
          {state.status !== 'idle' && <progress max={Math.max(1, total)} value={state.done} aria-label="Trials done" />}
          <span role="status">{progressText(state)}</span>
          {state.status === 'failed' && <span role="alert">The experiment stopped: {state.error}</span>}
        </span>
      </div>
      {cdf && state.plan && state.done > 0 && (
        <CdfFigure cdf={cdf} values={values} parameters={parameters} fileTitle={state.plan.title} />
      )}
    </section>
  );
}
