import { useEffect, useId, useRef, useState } from 'react';
import type { SearchFinding } from '../../app/search';
import {
  type SearchBudget,
  type SearchProgress,
  type SearchRun,
  searchHorizonMs,
  startSearch,
} from '../../app/searchClient';
import { formatMs } from '../../app/store';
import { useStore, useStoreApi } from '../../app/useStore';
import { getProtocol } from '../../protocols';
import { toFile } from '../../scenario/encode';
import { parseScenario } from '../../scenario/parse';
import './search.css';

type Unit = 'runs' | 'seconds';
const MAX_BUDGET = 1_000_000;

/**
 * "Find a counterexample": fuzzes this run's protocol, setup and bug variant in Web Workers (the page only
 * counts), stops at the first broken rule or the budget, and opens what it found as a branch of the run.
 */
export function SearchPanel() {
  const store = useStoreApi();
  const invariants = useStore((s) => s.frame.protocol.invariants);
  const [amount, setAmount] = useState('2000');
  const [unit, setUnit] = useState<Unit>('runs');
  const [progress, setProgress] = useState<SearchProgress | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = useRef<SearchRun | null>(null);
  const helpId = useId();
  const isRunning = progress?.status === 'running';

  useEffect(() => () => search.current?.stop(), []);

  const start = () => {
    const n = Number(amount);
    if (!Number.isInteger(n) || n < 1 || n > MAX_BUDGET) {
      setError(`Stop after: a whole number of ${unit} from 1 to ${MAX_BUDGET.toLocaleString('en')}`);
      return;
    }
    setError(null);
    setOpened(null);
    // The page's own frames are what a starved main thread drops first: the run waits while workers search.
    store.pause();
    const { scenario, runId } = store.getState();
    const setup = toFile(scenario, []);
    const budget: SearchBudget = unit === 'runs' ? { runs: n, seconds: null } : { runs: null, seconds: n };
    const run = startSearch({
      setup,
      sweepSeed: scenario.seed,
      untilMs: searchHorizonMs(scenario.until),
      budget,
      onProgress: setProgress,
    });
    search.current = run;
    void run.done.then((last) => {
      if (search.current === run) search.current = null;
      if (!last.finding) return;
      if (store.getState().runId !== runId) {
        setOpened('The run changed during the search, so the counterexample was not opened on it.');
        return;
      }
      const name = open(last.finding);
      setOpened(name ? `Opened as the branch “${name}”.` : 'The counterexample did not parse as a scenario.');
    });
  };

  /** Opens the finding as a branch of the current run, standing at the violation; its name, or null. */
  const open = (finding: SearchFinding): string | null => {
    const parsed = parseScenario(finding.file, getProtocol);
    if (!parsed.ok) return null;
    const name = `counterexample: ${finding.violation.invariant}`;
    const inputs = parsed.scenario.events;
    const action = `${inputs.length} inputs, fuzz seed ${finding.seed}`;
    store.openFoundBranch({ name, action, inputs }, finding.violation.time);
    return name;
  };

  return (
    <section className="search" aria-labelledby="search-title">
      <h3 id="search-title">Find a counterexample</h3>
      <p id={helpId} className="muted">
        Plays random fault schedules against this run's protocol, cluster, configuration and bug variant in the
        background (playback pauses meanwhile) and stops at the first broken safety rule, which opens as a branch.
      </p>
      <div className="search-controls">
        <label>
          Stop after
          <input
            type="number"
            min={1}
            max={MAX_BUDGET}
            value={amount}
            disabled={isRunning}
            onChange={(e) => setAmount(e.target.value)}
          />
        </label>
        <label>
          Budget unit
          <select value={unit} disabled={isRunning} onChange={(e) => setUnit(e.target.value as Unit)}>
            <option value="runs">runs</option>
            <option value="seconds">seconds</option>
          </select>
        </label>
        {isRunning ? (
          <button type="button" onClick={() => search.current?.stop()}>
            Stop
          </button>
        ) : (
          <button type="button" aria-describedby={helpId} onClick={start}>
            Find a counterexample
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p role="status" className="search-status">
        {progress && statusText(progress, invariants)}
        {opened && ` ${opened}`}
      </p>
    </section>
  );
}

function statusText(p: SearchProgress, invariants: readonly { id: string; title: string }[]): string {
  const counts = `${p.runs.toLocaleString('en')} runs, ${p.runsPerSecond.toFixed(1)} runs/s on ${p.workers} workers`;
  if (p.status === 'failed') return `The search failed: ${p.error}.`;
  if (p.finding) {
    const v = p.finding.violation;
    const title = invariants.find((i) => i.id === v.invariant)?.title ?? v.invariant;
    const where = `${title} (${v.invariant}) broken at ${formatMs(v.time)}`;
    return p.status === 'running' ? `${counts}. Found: ${where}; finishing…` : `Found: ${where}, after ${counts}.`;
  }
  if (p.status === 'running') return `Searching: ${counts}. No violation yet.`;
  if (p.status === 'stopped') return `Stopped after ${counts}. No violation found.`;
  return `No violation in ${counts}.`;
}
