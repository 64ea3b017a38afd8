import { useId, useMemo, useState, useSyncExternalStore } from 'react';
import { createExperimentWorker } from '../../app/experimentClient';
import { runExperimentFile, runMeasures } from '../../app/experimentMeasures';
import { ExperimentSession, type ExperimentState, trialsPerSecond } from '../../app/experimentSession';
import { useStore, useStoreApi } from '../../app/useStore';
import { loadExperiment } from '../../experiment/load';
import { summarize } from '../../experiment/summary';
import { trialsOf } from '../../experiment/trials';
import { getProtocol } from '../../protocols';
import { useFace, useProtocol } from '../hooks';
import { CdfFigure } from './CdfFigure';
import { cdfOfExperiment } from './cdf';
import { shippedExperiments } from './shippedExperiments';
import { useRunFacts } from './useRunFacts';

/** The most trials (per parameter value) one click may ask for. */
export const MAX_TRIALS = 10_000;
const THIS_RUN = 'this-run';

/** The page's one experiment session: it lives as long as the page, so switching tabs keeps a run going. */
let shared: ExperimentSession | null = null;
const sessionOf = (): ExperimentSession => {
  shared ??= new ExperimentSession({ create: createExperimentWorker, clock: () => performance.now() });
  return shared;
};

/** The trials field's number, or what is wrong with it (naming the field). */
export function parseCount(field: string, text: string): { count: number } | { error: string } {
  const count = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(count) || count < 1 || count > MAX_TRIALS) {
    return { error: `${field}: a whole number from 1 to ${MAX_TRIALS.toLocaleString('en')}` };
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
 * The Plots tab's Experiments: "this run over N seeds" (the current run as an experiment file, measuring the
 * time from its first fault to a milestone the protocol declares, or messages per milestone) or a shipped
 * experiment (Raft's Figure 16), played in a pool of Web Workers while the page stays live, with progress,
 * Cancel, and the CDF and its table filling in as trials arrive.
 */
export function ExperimentsPanel() {
  const session = sessionOf();
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const store = useStoreApi();
  const face = useFace();
  const runKey = useStore(() => store.runKey());
  const runTitle = useStore((s) => s.scenario.title);
  const [source, setSource] = useState(THIS_RUN);
  const [counts, setCounts] = useState<Readonly<Record<string, string>>>({});
  const [measureId, setMeasureId] = useState<string | null>(null);
  const [errors, setErrors] = useState<readonly string[]>([]);
  const ids = useId();
  const isRunning = state.status === 'running';
  const shipped = shippedExperiments.find((e) => e.id === source);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `runKey` says when the run's file changed.
  const file = useMemo(() => JSON.parse(store.fileText()) as Record<string, unknown>, [store, runKey]);
  const facts = useRunFacts(file, runKey, useProtocol().facts !== undefined);
  const run = useMemo(() => ({ file, measures: runMeasures(file, face, facts) }), [file, face, facts]);
  const measure = run.measures.find((m) => m.id === measureId) ?? run.measures[0];
  const countField = shipped ? 'Trials per value' : 'Seeds';
  const countText = counts[source] ?? String(shipped ? Math.min(shipped.trials, MAX_TRIALS) : 100);
  const count = parseCount(countField, countText);
  const canRun = 'count' in count && (shipped !== undefined || measure !== undefined);

  const start = async () => {
    if (!('count' in count)) return;
    setErrors([]);
    const experimentFile = shipped
      ? shipped.file
      : measure &&
        runExperimentFile(
          run.file,
          count.count,
          measure.measure,
          `${runTitle || 'This run'} over ${count.count} seeds`,
        );
    if (!experimentFile) return;
    const parsed = await loadExperiment(experimentFile);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    await session.start({ experiment: parsed.experiment, trials: trialsOf(parsed.experiment, count.count) });
  };

  // The results array grows in place while a plan runs: `done` says when it changed.
  const { plan } = state;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `state.done` stands for the results' length.
  const summary = useMemo(() => (plan ? summarize(plan.experiment, state.results) : null), [plan, state.done]);
  const cdf = useMemo(
    () =>
      plan && summary
        ? cdfOfExperiment(plan.experiment, summary, getProtocol(plan.experiment.protocol)?.face ?? face)
        : null,
    [plan, summary, face],
  );

  return (
    <section className="experiments-panel" aria-label="Experiments">
      <div className="experiment-controls">
        <label htmlFor={`${ids}-source`}>Experiment</label>
        <select id={`${ids}-source`} value={source} onChange={(e) => setSource(e.target.value)} disabled={isRunning}>
          <option value={THIS_RUN}>This run over N seeds</option>
          {shippedExperiments.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-count`}>{countField}</label>
        <input
          id={`${ids}-count`}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_TRIALS}
          value={countText}
          onChange={(e) => setCounts({ ...counts, [source]: e.target.value })}
          aria-invalid={'error' in count}
          aria-describedby={'error' in count ? `${ids}-count-error` : undefined}
          disabled={isRunning}
        />
        {!shipped && (
          <>
            <label htmlFor={`${ids}-measure`}>Measure</label>
            <select
              id={`${ids}-measure`}
              value={measure?.id ?? ''}
              onChange={(e) => setMeasureId(e.target.value)}
              disabled={isRunning || run.measures.length === 0}
            >
              {run.measures.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}
                </option>
              ))}
            </select>
          </>
        )}
        {isRunning ? (
          <button type="button" onClick={() => session.cancel()}>
            Cancel
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void start()} disabled={!canRun}>
            Run experiment
          </button>
        )}
        {'error' in count && (
          <span id={`${ids}-count-error`} className="experiment-error">
            {count.error}
          </span>
        )}
        {!shipped && run.measures.length === 0 && (
          <span className="experiment-error">This protocol declares no milestones or facts to measure.</span>
        )}
        <span className="experiment-progress">
          {plan && <strong>{plan.experiment.title}</strong>}
          {state.status !== 'idle' && (
            <progress max={Math.max(1, plan?.trials.length ?? 1)} value={state.done} aria-label="Trials done" />
          )}
          <span role="status">{progressText(state)}</span>
        </span>
      </div>
      {(errors.length > 0 || state.status === 'failed') && (
        <div role="alert" className="experiment-error">
          {state.status === 'failed' && <p>The experiment stopped: {state.error}</p>}
          {errors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      )}
      {cdf && summary && state.done > 0 && <CdfFigure cdf={cdf} summary={summary} results={state.results} />}
    </section>
  );
}
