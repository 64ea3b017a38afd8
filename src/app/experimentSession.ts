import type { ExperimentTask } from './experimentTask';
import { type PoolRun, poolSize, runBrowserPool } from './pool';
import type { TrialMeasures } from './seedTrial';

/** One trial of a plan: the parameter value it runs with, its index there, and the task a worker plays. */
export interface PlannedTrial {
  readonly parameter: string;
  readonly trial: number;
  readonly task: ExperimentTask;
}

/** A quantity a plan's trials measure (a key of `TrialMeasures`), as the chart and the table name it. */
export interface Measure {
  readonly key: string;
  readonly title: string;
  readonly unit: string;
}

/** What to run: a title, the parameter values in their order, what it measures, and every trial. */
export interface ExperimentPlan {
  readonly title: string;
  readonly parameters: readonly string[];
  /** The measures known before any trial answers (trials may report more: a protocol's facts). */
  readonly measures: readonly Measure[];
  readonly trials: readonly PlannedTrial[];
}

/** A trial's answer. */
export interface TrialOutcome {
  readonly parameter: string;
  readonly trial: number;
  readonly measures: TrialMeasures;
}

export type ExperimentStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface ExperimentState {
  readonly status: ExperimentStatus;
  readonly plan: ExperimentPlan | null;
  /** The answers so far, in the order they arrived (append-only while a plan runs; `done` counts them). */
  readonly outcomes: readonly TrialOutcome[];
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

const IDLE: ExperimentState = { status: 'idle', plan: null, outcomes: [], done: 0, elapsedMs: 0, error: null };

/**
 * The one owner of the page's experiment: it hands a plan's trials to a pool of Web Workers, collects the
 * answers and publishes its state (throttled) to whoever subscribes. It outlives the panel that shows it, so
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
    const outcomes: TrialOutcome[] = [];
    let nextIndex = 0;
    let publishedMs = startedMs;
    let trailing: ReturnType<typeof setTimeout> | undefined;
    const publish = (status: ExperimentStatus, error: string | null = null) => {
      if (generation !== this.generation) return;
      clearTimeout(trailing);
      trailing = undefined;
      publishedMs = clock();
      this.set({ status, plan, outcomes, done: outcomes.length, elapsedMs: publishedMs - startedMs, error });
    };
    this.set({ status: 'running', plan, outcomes, done: 0, elapsedMs: 0, error: null });
    if (plan.trials.length === 0) {
      publish('done');
      return Promise.resolve();
    }
    const run = runBrowserPool<PlannedTrial, TrialMeasures>({
      create: this.deps.create,
      size: Math.min(this.deps.size ?? poolSize(), plan.trials.length),
      next: () => plan.trials[nextIndex++],
      onResult: (measures, input) => {
        outcomes.push({ parameter: input.parameter, trial: input.trial, measures });
        if (clock() - publishedMs >= publishEveryMs) publish('running');
        else if (trailing === undefined) trailing = setTimeout(() => publish('running'), publishEveryMs);
        return undefined;
      },
    });
    this.run = run;
    return run.done.then(
      () => {
        if (generation === this.generation) this.run = null;
        publish(outcomes.length === plan.trials.length ? 'done' : 'cancelled');
      },
      (error: unknown) => {
        if (generation === this.generation) this.run = null;
        publish('failed', error instanceof Error ? error.message : String(error));
      },
    );
  }

  /** Stops the run in progress at once (its workers end); the answers so far stay. */
  cancel(): void {
    this.run?.cancel();
    this.run = null;
  }

  private set(next: ExperimentState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

/** Trials per second so far (0 before the first second's worth of answers can say). */
export function trialsPerSecond(state: Pick<ExperimentState, 'done' | 'elapsedMs'>): number {
  return state.elapsedMs > 0 ? (state.done * 1000) / state.elapsedMs : 0;
}
