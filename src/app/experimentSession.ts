import type { Experiment, Trial, TrialResult } from '../experiment/types';
import { type PoolRun, poolSize, runBrowserPool } from './pool';

/** What to run: the parsed experiment and the trials of it to play (all of them, or a few per value). */
export interface ExperimentPlan {
  readonly experiment: Experiment;
  readonly trials: readonly Trial[];
}

export type ExperimentStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface ExperimentState {
  readonly status: ExperimentStatus;
  readonly plan: ExperimentPlan | null;
  /** The results so far, in the order they arrived (append-only while a plan runs; `done` counts them). */
  readonly results: readonly TrialResult[];
  readonly done: number;
  /** Wall time since the start, for trials per second; never part of any result. */
  readonly elapsedMs: number;
  readonly error: string | null;
}

export interface SessionDeps {
  readonly create: () => Promise<Worker>;
  readonly size?: number;
  /** Wall clock in ms (performance.now in the page). */
  readonly clock: () => number;
  /** Publish at most this often while trials arrive [150 ms], so a fast pool does not redraw per trial. */
  readonly publishEveryMs?: number;
}

const IDLE: ExperimentState = { status: 'idle', plan: null, results: [], done: 0, elapsedMs: 0, error: null };

/**
 * The one owner of the page's experiment: it hands a plan's trials to a pool of Web Workers, collects the
 * results and publishes its state (throttled) to whoever subscribes. It outlives the panel that shows it, so
 * switching tabs neither stops a run nor loses its results.
 */
export class ExperimentSession {
  private state: ExperimentState = IDLE;
  private readonly listeners = new Set<() => void>();
  private run: PoolRun | null = null;
  private generation = 0;

  constructor(private readonly deps: SessionDeps) {}

  getState = (): ExperimentState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts a plan (cancelling one in progress); resolves when it has ended, however it ended. */
  start(plan: ExperimentPlan): Promise<void> {
    this.cancel();
    const generation = ++this.generation;
    const { clock, publishEveryMs = 150 } = this.deps;
    const startedMs = clock();
    const results: TrialResult[] = [];
    let nextIndex = 0;
    let publishedMs = startedMs;
    let trailing: ReturnType<typeof setTimeout> | undefined;
    const publish = (status: ExperimentStatus, error: string | null = null) => {
      if (generation !== this.generation) return;
      clearTimeout(trailing);
      trailing = undefined;
      publishedMs = clock();
      this.set({ status, plan, results, done: results.length, elapsedMs: publishedMs - startedMs, error });
    };
    this.set({ status: 'running', plan, results, done: 0, elapsedMs: 0, error: null });
    if (plan.trials.length === 0) {
      publish('done');
      return Promise.resolve();
    }
    const run = runBrowserPool<Trial, TrialResult>({
      create: this.deps.create,
      size: Math.min(this.deps.size ?? poolSize(), plan.trials.length),
      next: () => plan.trials[nextIndex++],
      onResult: (result) => {
        results.push(result);
        if (clock() - publishedMs >= publishEveryMs) publish('running');
        else if (trailing === undefined) trailing = setTimeout(() => publish('running'), publishEveryMs);
        return undefined;
      },
    });
    this.run = run;
    return run.done.then(
      () => {
        if (generation === this.generation) this.run = null;
        publish(results.length === plan.trials.length ? 'done' : 'cancelled');
      },
      (error: unknown) => {
        if (generation === this.generation) this.run = null;
        publish('failed', error instanceof Error ? error.message : String(error));
      },
    );
  }

  /** Stops the run in progress at once (its workers end); the results so far stay. */
  cancel(): void {
    this.run?.cancel();
    this.run = null;
  }

  private set(next: ExperimentState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

/** Trials per second so far, over the wall time since the start (0 at the start). */
export function trialsPerSecond(state: Pick<ExperimentState, 'done' | 'elapsedMs'>): number {
  return state.elapsedMs > 0 ? (state.done * 1000) / state.elapsedMs : 0;
}
