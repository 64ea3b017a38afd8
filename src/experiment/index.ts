/**
 * Experiments (docs/experiments.md): one scenario over many trials and a parameter sweep, one measured
 * quantity per trial, figures and a CDF per parameter value. Pure: it runs in the page, in Web Workers and in
 * Node worker threads alike. The flow:
 *
 *   const parsed = await loadExperiment(json);          // or parseExperiment(json, { lookup, preset })
 *   const trials = trialsOf(parsed.experiment, max);     // plain data: hand them to any workers, in any order
 *   const results = trials.map((t) => runTrial(t, getProtocol));
 *   const summary = summarize(parsed.experiment, results);
 *   const svg = cdfSvg(summary);                         // a plain SVG of the CDFs
 */
export { loadExperiment, loadExperimentText, runTrialLoading } from './load';
export { type ExperimentParse, type ExperimentSources, parseExperiment } from './parse';
export { runTrial } from './run';
export { EXPERIMENT_FORMAT, EXPERIMENT_VERSION } from './schema';
export { summarize, unitOf } from './summary';
export { type CdfSvgOptions, cdfSvg } from './svg';
export { trialsOf } from './trials';
export type {
  Experiment,
  ExperimentSummary,
  Measure,
  ParameterSummary,
  ParameterValue,
  Randomization,
  Trial,
  TrialResult,
} from './types';
