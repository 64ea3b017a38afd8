/**
 * An experiment (docs/experiments.md): one scenario played over many trials and a parameter sweep, with one
 * quantity measured per trial. These are the parsed, checked values; schema.ts is the file's shape.
 */

/** What one trial measures; `label`, if any, is what the plot's axis calls it. */
export type Measure = { readonly label?: string } & MeasureKind;

export type MeasureKind =
  /** Virtual ms from the time of the scenario's event `from` (an index into `events`) to the first milestone of kind `milestone` after it. */
  | { readonly kind: 'milestone'; readonly from: number; readonly milestone: string }
  /** Messages sent over the whole run per milestone of kind `milestone` reached (a decision, a commit). */
  | { readonly kind: 'messages-per-milestone'; readonly milestone: string }
  /** The number `facts[fact][field]` the protocol measures at the end of the run (Protocol `facts`). */
  | { readonly kind: 'fact'; readonly fact: string; readonly field: string };

/** A value drawn afresh for every trial, from the trial's own stream: a whole number in [lo, hi]. */
export interface Randomization {
  /** Where it goes in the scenario file: `events[2].at`, `config.heartbeatMs`. */
  readonly path: string;
  readonly uniform: readonly [number, number];
}

/** One value of the swept parameter, with what else changes with it. */
export interface ParameterValue {
  readonly label: string;
  /** The value written at the sweep's path (undefined when the experiment sweeps nothing). */
  readonly value: unknown;
  /** Trials of this value. */
  readonly trials: number;
  /** Other fields set with it, in order: `[path, value]`. */
  readonly set: readonly (readonly [string, unknown])[];
  /** The experiment's randomizations, then this value's (one of the same path replaces it). */
  readonly randomize: readonly Randomization[];
}

export interface Experiment {
  readonly title: string;
  readonly description: string;
  readonly seed: number;
  readonly protocol: string;
  /** The base scenario file, inline or the named preset's, as plain JSON. */
  readonly scenario: Readonly<Record<string, unknown>>;
  /** The swept path; null when the experiment has one value, `base`. */
  readonly path: string | null;
  readonly values: readonly ParameterValue[];
  readonly measure: Measure;
  /** The end of every trial, virtual ms: the experiment's `until`, else the scenario's, else 10 s. */
  readonly untilMs: number;
}

/** One trial: a scenario file to play and what to measure in it. Plain data, so it crosses to a worker. */
export interface Trial {
  /** The index of its parameter value in `Experiment.values`. */
  readonly parameter: number;
  readonly label: string;
  /** Its index among its value's trials; trial i of every value has the same seed. */
  readonly index: number;
  /** The i-th draw of the experiment seed's stream: the scenario's seed, and the seed of its randomizations. */
  readonly seed: number;
  readonly scenario: Readonly<Record<string, unknown>>;
  readonly measure: Measure;
  readonly untilMs: number;
}

export interface TrialResult {
  readonly parameter: number;
  readonly index: number;
  readonly seed: number;
  /** The measured quantity, or null when the run ended without it (no milestone by `until`). */
  readonly value: number | null;
  /** Invariant violations in the run (an experiment on a correct protocol expects none). */
  readonly violations: number;
  readonly events: number;
  /** Set when the run passed the runner's work budget: why it was not measured (the experiment is refused). */
  readonly refused?: string;
}

/** The figures of one parameter value. Order statistics treat an unfinished trial as larger than any value. */
export interface ParameterSummary {
  readonly label: string;
  readonly value: unknown;
  readonly n: number;
  /** Trials that ended without a value. */
  readonly unfinished: number;
  readonly violations: number;
  /** Null where the figure falls among the unfinished trials (the mean and max when any is unfinished). */
  readonly min: number | null;
  readonly median: number | null;
  readonly mean: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
  readonly max: number | null;
  /** Every value, ascending: the CDF (the fraction at values[k] is (k + 1) / n). */
  readonly values: readonly number[];
}

export interface ExperimentSummary {
  readonly title: string;
  readonly measure: Measure;
  /** `ms`, `messages`, or '' for a fact. */
  readonly unit: string;
  readonly untilMs: number;
  readonly parameters: readonly ParameterSummary[];
}
