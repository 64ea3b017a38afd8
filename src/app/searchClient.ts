import { DEFAULT_UNTIL_MS } from '../scenario/run';
import { startModuleWorker } from './moduleWorker';
import { poolSize, runBrowserPool } from './pool';
import type { SearchBatch, SearchFinding, SearchTask } from './search';

/** Runs per task: small enough that a Stop, a budget or a finding is seen within a fraction of a second. */
export const SEARCH_BATCH = 4;
/** The page hears of progress at most this often, so counting runs never costs it a frame. */
export const PROGRESS_MS = 200;

/**
 * How long a search run lasts: the run's own end, but at least the runner's 10 s, since a lesson's
 * scenario often ends (a first election: 3 s) before a fault schedule has had room to bite.
 */
export function searchHorizonMs(until: number | undefined): number {
  return Math.max(until ?? 0, DEFAULT_UNTIL_MS);
}

/** When the search stops by itself: after so many runs, or so many seconds of wall time (null: no limit). */
export interface SearchBudget {
  readonly runs: number | null;
  readonly seconds: number | null;
}

export type SearchStatus = 'running' | 'found' | 'exhausted' | 'stopped' | 'failed';

export interface SearchProgress {
  readonly status: SearchStatus;
  readonly runs: number;
  readonly events: number;
  readonly elapsedMs: number;
  readonly runsPerSecond: number;
  readonly workers: number;
  /** The failing run with the lowest index in the sweep, once there is one. */
  readonly finding: SearchFinding | null;
  readonly error: string | null;
}

export interface SearchOptions {
  /** The current run as a scenario file (search.ts keeps its setup and finds inputs). */
  readonly setup: Record<string, unknown>;
  readonly sweepSeed: number;
  readonly untilMs: number;
  readonly budget: SearchBudget;
  /** Throttled to one call per PROGRESS_MS, and one more when the search ends. */
  readonly onProgress: (progress: SearchProgress) => void;
  readonly create?: () => Promise<Worker>;
  readonly size?: number;
  readonly batch?: number;
  /** Wall time, for the seconds budget and runs per second (never for what a run does). */
  readonly clock?: () => number;
}

export interface SearchRun {
  /** Ends the search at once: the workers are terminated, `done` resolves with status 'stopped'. */
  stop(): void;
  readonly done: Promise<SearchProgress>;
}

/**
 * Fuzzes the current run in a pool of Web Workers (pool.ts), one batch of sweep indices per task, and
 * stops at the first violation or the budget. The answer does not depend on which worker is fastest: once
 * a run fails, no new batch starts, the batches in flight (all of lower or nearby indices) finish, and the
 * failing run with the lowest index wins. So the same run always finds the same counterexample.
 */
export function startSearch(options: SearchOptions): SearchRun {
  const clock = options.clock ?? (() => performance.now());
  const batch = options.batch ?? SEARCH_BATCH;
  const workers = options.size ?? poolSize();
  const { runs: maxRuns, seconds } = options.budget;
  const startedAt = clock();
  let nextFrom = 0;
  let runs = 0;
  let events = 0;
  let finding: SearchFinding | null = null;
  let isStopped = false;
  /** Set once the final progress went out: a throttled report due after it is dropped. */
  let isOver = false;
  let lastReport = Number.NEGATIVE_INFINITY;
  let pendingReport: ReturnType<typeof setTimeout> | undefined;

  const progress = (status: SearchStatus, error: string | null = null): SearchProgress => {
    const elapsedMs = Math.max(0, clock() - startedAt);
    const runsPerSecond = elapsedMs > 0 ? (runs * 1000) / elapsedMs : 0;
    return { status, runs, events, elapsedMs, runsPerSecond, workers, finding, error };
  };
  const report = () => {
    if (pendingReport !== undefined) return;
    const wait = lastReport + PROGRESS_MS - clock();
    pendingReport = setTimeout(
      () => {
        pendingReport = undefined;
        lastReport = clock();
        if (!isOver) options.onProgress(progress('running'));
      },
      Math.max(0, wait),
    );
  };

  const next = (): SearchTask | undefined => {
    if (isStopped || finding) return undefined;
    if (seconds !== null && clock() - startedAt >= seconds * 1000) return undefined;
    const left = maxRuns === null ? batch : Math.min(batch, maxRuns - nextFrom);
    if (left <= 0) return undefined;
    const task = {
      setup: options.setup,
      sweepSeed: options.sweepSeed,
      from: nextFrom,
      count: left,
      untilMs: options.untilMs,
    };
    nextFrom += left;
    return task;
  };

  const pool = runBrowserPool<SearchTask, SearchBatch>({
    create: options.create ?? createSearchWorker,
    size: workers,
    next,
    onResult: (output) => {
      runs += output.runs;
      events += output.events;
      if (output.finding && (!finding || output.finding.index < finding.index)) finding = output.finding;
      report();
      return undefined;
    },
  });

  const finish = (status: SearchStatus, error: string | null = null): SearchProgress => {
    isOver = true;
    clearTimeout(pendingReport);
    const last = progress(status, error);
    options.onProgress(last);
    return last;
  };
  const done = pool.done.then(
    () => finish(finding ? 'found' : isStopped ? 'stopped' : 'exhausted'),
    (error: unknown) => finish('failed', error instanceof Error ? error.message : String(error)),
  );
  options.onProgress(progress('running'));
  return {
    stop: () => {
      isStopped = true;
      pool.cancel();
    },
    done,
  };
}

/** A search worker on the page's own chunk of `search.worker.ts` (moduleWorker.ts). */
async function createSearchWorker(): Promise<Worker> {
  const { searchModuleUrl } = await import('./search.worker');
  return startModuleWorker(searchModuleUrl, 'counterexample-search');
}
