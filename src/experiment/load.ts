import { getPresetFile, getProtocol, loadPreset, loadProtocol } from '../protocols';
import { withoutBom } from '../scenario/parse';
import { type ExperimentParse, parseExperiment } from './parse';
import { runTrial } from './run';
import type { Trial, TrialResult } from './types';

/**
 * Parses an experiment file after loading what it names: its preset (when `scenario` is a preset id) and its
 * protocol. Never throws for bad input; a preset or protocol that cannot be loaded is reported under `scenario`.
 */
export async function loadExperiment(value: unknown): Promise<ExperimentParse> {
  const scenario = (value as { scenario?: unknown } | null)?.scenario;
  try {
    let file = scenario;
    if (typeof scenario === 'string') file = await loadPreset(scenario).catch(() => undefined);
    const id = (file as { protocol?: unknown } | undefined)?.protocol;
    if (typeof id === 'string') await loadProtocol(id);
  } catch (error) {
    return {
      ok: false,
      errors: [`scenario: could not be loaded (${error instanceof Error ? error.message : String(error)})`],
    };
  }
  return parseExperiment(value, { lookup: getProtocol, preset: getPresetFile });
}

/** loadExperiment for a file's text. */
export async function loadExperimentText(text: string): Promise<ExperimentParse> {
  let value: unknown;
  try {
    value = JSON.parse(withoutBom(text));
  } catch (error) {
    return { ok: false, errors: [`(file): not JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  return loadExperiment(value);
}

/** runTrial in a fresh worker (a Node worker thread, a Web Worker): loads the trial's protocol first. */
export async function runTrialLoading(trial: Trial): Promise<TrialResult> {
  const id = String(trial.scenario.protocol);
  if (!(await loadProtocol(id))) throw new Error(`unknown protocol ${JSON.stringify(id)}`);
  return runTrial(trial, getProtocol);
}
