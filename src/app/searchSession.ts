import type { Violation } from '../engine/types';
import { getProtocol } from '../protocols';
import { toFile } from '../scenario/encode';
import { parseScenario } from '../scenario/parse';
import type { SearchFinding } from './search';
import { PROGRESS_MS, type SearchBudget, type SearchProgress, searchHorizonMs, startSearch } from './searchClient';
import { startShrink } from './shrinkClient';
import type { Store } from './store';

/** How the counterexample came out of the shrink. */
export interface Shrinking {
  readonly runs: number;
  readonly inputs: number;
  /** Set once it ended: the inputs before and after and the shrunk run's violation, or why it was not shrunk. */
  readonly outcome:
    | { readonly before: number; readonly after: number; readonly violation: Violation }
    | { readonly problem: string }
    | null;
}

export interface SearchState {
  readonly progress: SearchProgress | null;
  readonly shrinking: Shrinking | null;
  /** What happened to the counterexample: the branch it opened as, or why it did not open. */
  readonly opened: string | null;
  readonly isBusy: boolean;
}

/** Where the session's workers come from (tests hand in stand-ins); by default the page's own chunks. */
export interface SessionWorkers {
  readonly search?: () => Promise<Worker>;
  readonly shrink?: () => Promise<Worker>;
  /** Search workers [one per core]. */
  readonly size?: number;
}

const IDLE: SearchState = { progress: null, shrinking: null, opened: null, isBusy: false };

/**
 * The Run tab's search, start to finish, for one store: fuzz the current run in workers (searchClient.ts),
 * shrink the finding in a worker of its own (shrinkClient.ts), and open it as a branch of the run it was
 * searched on. It outlives the tab's panel (switching tabs unmounts it), so a search goes on while the user
 * looks elsewhere. Stop ends whichever stage is running; stopped while shrinking, the finding opens as found.
 */
export class SearchSession {
  private state: SearchState = IDLE;
  private readonly listeners = new Set<() => void>();
  private stopStage: (() => void) | null = null;

  constructor(
    private readonly store: Store,
    private readonly workers: SessionWorkers = {},
  ) {}

  getState = (): SearchState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(budget: SearchBudget): void {
    if (this.state.isBusy) return;
    // The page's own frames are what a starved main thread drops first: the run waits while workers search.
    this.store.pause();
    const { scenario, runId } = this.store.getState();
    const untilMs = searchHorizonMs(scenario.until);
    this.set({ ...IDLE, isBusy: true });
    const search = startSearch({
      setup: toFile(scenario, []),
      sweepSeed: scenario.seed,
      untilMs,
      budget,
      onProgress: (progress) => this.set({ progress }),
      create: this.workers.search,
      size: this.workers.size,
    });
    this.stopStage = search.stop;
    void search.done.then((last) => {
      if (last.finding) this.shrinkThenOpen(last.finding, runId, untilMs);
      else this.finish({});
    });
  }

  stop(): void {
    this.stopStage?.();
  }

  private set(patch: Partial<SearchState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private finish(patch: Partial<SearchState>): void {
    this.stopStage = null;
    this.set({ ...patch, isBusy: false });
  }

  private shrinkThenOpen(finding: SearchFinding, runId: number, untilMs: number): void {
    const found = Array.isArray(finding.file.events) ? finding.file.events.length : 0;
    this.set({ shrinking: { runs: 0, inputs: found, outcome: null } });
    let shownAt = Number.NEGATIVE_INFINITY;
    const onProgress = (runs: number, inputs: number) => {
      const now = performance.now();
      if (now - shownAt < PROGRESS_MS) return;
      shownAt = now;
      this.set({ shrinking: { runs, inputs, outcome: null } });
    };
    const shrink = startShrink(finding, untilMs, onProgress, this.workers.shrink);
    this.stopStage = shrink.stop;
    const open = (file: Record<string, unknown>, violation: Violation, words: string) => {
      if (this.store.getState().runId !== runId) {
        return this.finish({
          opened: 'The run changed during the search, so the counterexample was not opened on it.',
        });
      }
      this.finish({ opened: this.open(file, violation, `${words}, fuzz seed ${finding.seed}`) });
    };
    const asFound = (problem: string) => {
      this.set({ shrinking: { runs: this.state.shrinking?.runs ?? 0, inputs: found, outcome: { problem } } });
      open(finding.file, finding.violation, `${found} inputs`);
    };
    shrink.done.then(
      (result) => {
        if (!result) return asFound('the shrink was stopped');
        if (!result.isShrunk) return asFound('the shrunk inputs do not break the rule under this run’s own setup');
        const { inputsBefore: before, inputsAfter: after, violation } = result;
        this.set({ shrinking: { runs: result.runs, inputs: after, outcome: { before, after, violation } } });
        open(result.file, violation, `${after} inputs (shrunk from ${before})`);
      },
      (error: unknown) => asFound(`the shrink failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /** Opens a counterexample as a branch of the current run, standing at its violation; says what happened. */
  private open(file: Record<string, unknown>, violation: Violation, action: string): string {
    const parsed = parseScenario(file, getProtocol);
    if (!parsed.ok) return `The counterexample did not open: ${parsed.errors.join('; ')}.`;
    const name = `counterexample: ${violation.invariant}`;
    this.store.openFoundBranch({ name, action, inputs: parsed.scenario.events }, violation.time);
    return `Opened as the branch “${name}”.`;
  }
}

const sessions = new WeakMap<Store, SearchSession>();

/** The one search session of a store. */
export function searchSessionOf(store: Store): SearchSession {
  let session = sessions.get(store);
  if (!session) {
    session = new SearchSession(store);
    sessions.set(store, session);
  }
  return session;
}
