import { useId, useState, useSyncExternalStore } from 'react';
import type { SearchBudget, SearchProgress } from '../../app/searchClient';
import { type Shrinking, searchSessionOf } from '../../app/searchSession';
import { formatMs } from '../../app/store';
import { useStore, useStoreApi } from '../../app/useStore';
import './search.css';

type Unit = 'runs' | 'seconds';
const MAX_BUDGET = 1_000_000;

/**
 * "Find a counterexample": fuzzes this run's protocol, setup and bug variant in Web Workers (the page only
 * counts), stops at the first broken rule or the budget, shrinks what it found and opens it as a branch.
 */
export function SearchPanel() {
  const store = useStoreApi();
  const invariants = useStore((s) => s.frame.protocol.invariants);
  const [amount, setAmount] = useState('2000');
  const [unit, setUnit] = useState<Unit>('runs');
  const [error, setError] = useState<string | null>(null);
  // The session outlives this panel: a search goes on while another tab is open.
  const session = searchSessionOf(store);
  const search = useSyncExternalStore(session.subscribe, session.getState);
  const helpId = useId();

  const start = () => {
    const n = Number(amount);
    if (!Number.isInteger(n) || n < 1 || n > MAX_BUDGET) {
      setError(`Stop after: a whole number of ${unit} from 1 to ${MAX_BUDGET.toLocaleString('en')}`);
      return;
    }
    setError(null);
    const budget: SearchBudget = unit === 'runs' ? { runs: n, seconds: null } : { runs: null, seconds: n };
    session.start(budget);
  };
  const titleOf = (id: string) => invariants.find((i) => i.id === id)?.title ?? id;

  return (
    <section className="search" aria-labelledby="search-title">
      <h3 id="search-title">Find a counterexample</h3>
      <p id={helpId} className="muted">
        Plays random fault schedules against this run's protocol, cluster, configuration and bug variant in the
        background (playback pauses meanwhile), stops at the first broken safety rule, shrinks the run to the inputs
        that matter and opens it as a branch.
      </p>
      <div className="search-controls">
        <label>
          Stop after
          <input
            type="number"
            min={1}
            max={MAX_BUDGET}
            value={amount}
            disabled={search.isBusy}
            onChange={(e) => setAmount(e.target.value)}
          />
        </label>
        <label>
          Budget unit
          <select value={unit} disabled={search.isBusy} onChange={(e) => setUnit(e.target.value as Unit)}>
            <option value="runs">runs</option>
            <option value="seconds">seconds</option>
          </select>
        </label>
        {search.isBusy ? (
          <button type="button" onClick={() => session.stop()}>
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
      <div role="status" className="search-status">
        {search.progress && <p>{searchText(search.progress, titleOf)}</p>}
        {search.shrinking && search.progress?.finding && (
          <p>{shrinkText(search.shrinking, search.progress.finding.violation.invariant)}</p>
        )}
        {search.opened && <p>{search.opened}</p>}
      </div>
    </section>
  );
}

function searchText(p: SearchProgress, titleOf: (id: string) => string): string {
  const counts = `${p.runs.toLocaleString('en')} runs, ${p.runsPerSecond.toFixed(1)} runs/s on ${p.workers} workers`;
  if (p.status === 'failed') return `The search failed: ${p.error}.`;
  if (p.finding) {
    const v = p.finding.violation;
    const where = `${titleOf(v.invariant)} (${v.invariant}) broken at ${formatMs(v.time)}`;
    return p.status === 'running' ? `${counts}. Found: ${where}; finishing…` : `Found: ${where}, after ${counts}.`;
  }
  if (p.status === 'running') return `Searching: ${counts}. No violation yet.`;
  if (p.status === 'stopped') return `Stopped after ${counts}. No violation found.`;
  return `No violation in ${counts}.`;
}

function shrinkText(s: Shrinking, invariant: string): string {
  const outcome = s.outcome;
  if (outcome === null) return `Shrinking: ${s.runs} runs so far, down to ${s.inputs} inputs…`;
  if ('problem' in outcome) return `Not shrunk (${outcome.problem}): it opens with all ${s.inputs} inputs.`;
  const at = formatMs(outcome.violation.time);
  return `Found ${invariant} in ${outcome.after} inputs (shrunk from ${outcome.before}, ${s.runs} runs), broken at ${at}.`;
}
