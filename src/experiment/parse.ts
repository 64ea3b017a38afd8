import type { AnyProtocol } from '../engine/protocol';
import { quote } from '../engine/quote';
import { describeIssues } from '../scenario/errors';
import { DEFAULT_UNTIL_MS } from '../scenario/limits';
import { parseScenario } from '../scenario/parse';
import type { ProtocolLookup } from '../scenario/types';
import { PathError, type PathKey, parsePath, setAt } from './path';
import { type ExperimentFile, experimentFileSchema, MAX_ALL_TRIALS } from './schema';
import type { Experiment, Measure, ParameterValue, Randomization } from './types';

export type ExperimentParse =
  | { readonly ok: true; readonly experiment: Experiment }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Where an experiment's protocol and preset come from, already loaded (load.ts loads them). */
export interface ExperimentSources {
  readonly lookup: ProtocolLookup;
  /** A preset's scenario file by id (`raft/leader-crash`), or undefined when there is no such preset. */
  readonly preset: (id: string) => unknown;
}

class Refused extends Error {
  constructor(readonly errors: readonly string[]) {
    super(errors.join('; '));
  }
}

/**
 * Checks an experiment file: its shape, then every parameter value's scenario (with each randomized field at
 * its lowest and its highest) through the scenario parser, then the measure against the protocol. Every error
 * names its field: `sweep.values[2].set["config.heartbeatMs"]: ...`, `scenario.events[1].at: ...`.
 */
export function parseExperiment(value: unknown, sources: ExperimentSources): ExperimentParse {
  const shape = experimentFileSchema.safeParse(value);
  if (!shape.success) return { ok: false, errors: describeIssues(shape.error) };
  try {
    return { ok: true, experiment: build(shape.data, sources) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, errors: error.errors };
    throw error;
  }
}

function build(file: ExperimentFile, sources: ExperimentSources): Experiment {
  const scenario = baseScenario(file, sources);
  const protocol = sources.lookup(String(scenario.protocol)) as AnyProtocol;
  const base = parseScenario(scenario, sources.lookup);
  if (!base.ok)
    throw new Refused(base.errors.map((e) => (e.startsWith('(file)') ? `scenario${e.slice(6)}` : `scenario.${e}`)));
  if (file.sweep) keysOf(file.sweep.path, 'sweep.path');
  const shared = (file.randomize ?? []).map((r, i) => checkedRandomization(r, `randomize[${i}]`));
  const values: ParameterValue[] = (file.sweep?.values ?? [{ label: 'base', value: undefined }]).map((v, i) => {
    const where = `sweep.values[${i}]`;
    const own = (v.randomize ?? []).map((r, j) => checkedRandomization(r, `${where}.randomize[${j}]`));
    const set = Object.entries(v.set ?? {}).map(([p, x]) => {
      keysOf(p, `${where}.set[${JSON.stringify(p)}]`);
      return [p, x] as const;
    });
    return {
      label: v.label,
      value: v.value,
      trials: v.trials ?? file.trials,
      set,
      randomize: [...shared.filter((r) => !own.some((o) => o.path === r.path)), ...own],
    };
  });
  const all = values.reduce((sum, v) => sum + v.trials, 0);
  if (all > MAX_ALL_TRIALS) {
    throw new Refused([`trials: the values ask for ${all} trials in all, more than ${MAX_ALL_TRIALS}`]);
  }
  const experiment: Experiment = {
    title: file.title ?? String(scenario.title ?? 'Experiment'),
    description: file.description ?? '',
    seed: file.seed,
    protocol: protocol.id,
    scenario,
    path: file.sweep?.path ?? null,
    values,
    measure: file.measure,
    untilMs: file.until ?? base.scenario.until ?? DEFAULT_UNTIL_MS,
  };
  values.forEach((_, i) => {
    checkValue(experiment, i, sources.lookup);
  });
  checkMeasure(experiment.measure, protocol, (scenario.events as unknown[] | undefined)?.length ?? 0);
  return experiment;
}

function baseScenario(file: ExperimentFile, sources: ExperimentSources): Record<string, unknown> {
  let scenario: unknown = file.scenario;
  if (typeof file.scenario === 'string') {
    scenario = sources.preset(file.scenario);
    if (scenario === undefined) throw new Refused([`scenario: no preset ${quote(file.scenario)}`]);
  }
  const id = (scenario as { protocol?: unknown }).protocol;
  if (typeof id !== 'string' || !sources.lookup(id)) {
    throw new Refused([`scenario.protocol: unknown protocol ${quote(String(id))}`]);
  }
  return scenario as Record<string, unknown>;
}

function keysOf(path: string, where: string): PathKey[] {
  const parsed = parsePath(path);
  if (!parsed.ok) throw new Refused([`${where}: ${parsed.reason}`]);
  if (
    parsed.keys[0] === 'format' ||
    parsed.keys[0] === 'version' ||
    parsed.keys[0] === 'protocol' ||
    parsed.keys[0] === 'seed'
  ) {
    throw new Refused([
      `${where}: an experiment may not set the scenario's ${parsed.keys[0]} (each trial's seed is drawn from the experiment's)`,
    ]);
  }
  return parsed.keys;
}

function checkedRandomization(r: Randomization, where: string): Randomization {
  keysOf(r.path, `${where}.path`);
  return { path: r.path, uniform: [r.uniform[0], r.uniform[1]] };
}

/** The scenario file of parameter value `v` with each randomization drawn as `draw` says. */
export function valueFile(
  experiment: Experiment,
  v: ParameterValue,
  draw: (r: Randomization) => number,
): Record<string, unknown> {
  let file: unknown = experiment.scenario;
  if (experiment.path !== null) file = setAt(file, parsePathKeys(experiment.path), v.value);
  for (const [p, x] of v.set) file = setAt(file, parsePathKeys(p), x);
  for (const r of v.randomize) file = setAt(file, parsePathKeys(r.path), draw(r));
  return file as Record<string, unknown>;
}

function parsePathKeys(path: string): PathKey[] {
  const parsed = parsePath(path);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.keys;
}

/** Each value's scenario must parse with every randomized field at its lowest and at its highest. */
function checkValue(experiment: Experiment, index: number, lookup: ProtocolLookup): void {
  const v = experiment.values[index] as ParameterValue;
  const where = experiment.path === null ? 'scenario' : `sweep.values[${index}] (${quote(v.label)})`;
  for (const end of [0, 1] as const) {
    let file: Record<string, unknown>;
    try {
      file = valueFile(experiment, v, (r) => r.uniform[end]);
    } catch (error) {
      if (error instanceof PathError) throw new Refused([`${where}: ${error.message}`]);
      throw error;
    }
    const parsed = parseScenario(file, lookup);
    if (!parsed.ok) {
      const extreme =
        v.randomize.length === 0 ? '' : ` (randomized fields at their ${end === 0 ? 'lowest' : 'highest'})`;
      throw new Refused(parsed.errors.map((e) => `${where}${extreme}: ${e}`));
    }
    checkOrigin(experiment, file, where);
  }
}

/** A milestone is measured from an event before the trials end. */
function checkOrigin(experiment: Experiment, file: Record<string, unknown>, where: string): void {
  const { measure } = experiment;
  if (measure.kind !== 'milestone') return;
  const at = (file.events as { at?: unknown }[] | undefined)?.[measure.from]?.at;
  if (typeof at === 'number' && at > experiment.untilMs) {
    throw new Refused([
      `measure.from: ${where}'s event ${measure.from} is at ${at} ms, after the trials end (until ${experiment.untilMs} ms)`,
    ]);
  }
}

function checkMeasure(measure: Measure, protocol: AnyProtocol, events: number): void {
  if (measure.kind === 'fact') {
    if (!protocol.facts) throw new Refused([`measure.fact: ${protocol.id} measures no facts`]);
    return;
  }
  const kinds = protocol.milestones ? protocol.face.milestones.map((m) => m.kind) : [];
  if (!kinds.includes(measure.milestone)) {
    const known = kinds.length === 0 ? 'none' : kinds.join(', ');
    throw new Refused([
      `measure.milestone: ${protocol.id} has no milestone ${quote(measure.milestone)} (it has: ${known})`,
    ]);
  }
  if (measure.kind === 'milestone' && measure.from >= events) {
    throw new Refused([`measure.from: the scenario has ${events} events, no event ${measure.from}`]);
  }
}
