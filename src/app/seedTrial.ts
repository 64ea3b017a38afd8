import type { AnyProtocol } from '../engine/protocol';
import { getProtocol, loadProtocol } from '../protocols';
import { parseScenario } from '../scenario/parse';
import { protocolIdOf } from '../scenario/parseLoading';
import { runScenario } from '../scenario/run';
import { TraceIndex } from './traceIndex';

/** One trial of "this run over N seeds": the run's scenario file, and the seed to play it with instead of its own. */
export interface SeedTrialTask {
  readonly kind: 'seed';
  readonly fileText: string;
  readonly seed: number;
}

/** What one trial measured, by measure key (seedMeasures.ts names them); null where it measured nothing. */
export type TrialMeasures = Readonly<Record<string, number | null>>;

/** The key of "time from the first fault to the first milestone of this kind after it". */
export const milestoneKey = (kind: string): string => `milestone:${kind}`;
/** The key of one numeric field of one fact the protocol measures at the end of a run. */
export const factKey = (fact: string, field: string): string => `fact:${fact}.${field}`;

/** The worker loads the protocol the file names before it plays it (a worker starts with none). */
export async function loadTrialProtocol(task: SeedTrialTask): Promise<void> {
  const id = protocolIdOf(JSON.parse(task.fileText));
  if (id !== undefined) await loadProtocol(id);
}

/**
 * Plays the scenario with the task's seed, as the runner plays a file (to its `until`, settled, within the
 * runner's event budget), and measures: for every milestone kind the protocol's face declares, the time from
 * the run's first fault (its start, when it has none) to the first such milestone after it; and every numeric
 * field of the protocol's facts. Pure: the same task gives the same measures in any worker.
 */
export function runSeedTrial(task: SeedTrialTask): TrialMeasures {
  const file = { ...(JSON.parse(task.fileText) as Record<string, unknown>), seed: task.seed };
  const parsed = parseScenario(file, getProtocol);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const { sim, summary } = runScenario(parsed.scenario, getProtocol);
  const markers = new TraceIndex(sim.trace.slice(0, sim.traceLength)).markers(sim.protocol);
  const fromMs = markers.find((m) => m.kind === 'fault')?.t ?? 0;
  const out: Record<string, number | null> = {};
  for (const kind of milestoneKinds(sim.protocol)) {
    const reached = markers.find((m) => m.kind === 'milestone' && m.detail === kind && m.t > fromMs);
    out[milestoneKey(kind)] = reached ? reached.t - fromMs : null;
  }
  for (const [fact, fields] of Object.entries(summary.facts ?? {})) {
    for (const [field, value] of Object.entries(fields)) {
      if (typeof value === 'number' && Number.isFinite(value)) out[factKey(fact, field)] = value;
    }
  }
  return out;
}

const milestoneKinds = (protocol: AnyProtocol): string[] => protocol.face.milestones.map((m) => m.kind);
