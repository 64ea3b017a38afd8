import { getProtocol, loadProtocol } from '../protocols';
import { parseScenario } from '../scenario/parse';
import { protocolIdOf } from '../scenario/parseLoading';
import { runScenario } from '../scenario/run';

/** A worker task: play a scenario file once to learn which facts its protocol measures as numbers. */
export interface FactsProbe {
  readonly kind: 'facts';
  readonly scenario: Readonly<Record<string, unknown>>;
}

/** One number a protocol's facts report: `facts[fact][field]` (the lock's `overlap.ms`). */
export interface FactField {
  readonly fact: string;
  readonly field: string;
}

/** The numeric fields of a run's facts, in their order: what an experiment's `fact` measure can name. */
export function numericFacts(
  facts: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined,
): FactField[] {
  return Object.entries(facts ?? {}).flatMap(([fact, fields]) =>
    Object.entries(fields).flatMap(([field, v]) =>
      typeof v === 'number' && Number.isFinite(v) ? [{ fact, field }] : [],
    ),
  );
}

/**
 * Plays the probe's scenario as the runner plays a file (to its end, settled, within the event budget) and
 * lists its numeric facts. A protocol's facts are plain objects, so which fields are numbers shows only once
 * they are measured; the page asks a worker, so the run never plays on the page's thread.
 */
export async function probeFacts(probe: FactsProbe): Promise<FactField[]> {
  const id = protocolIdOf(probe.scenario);
  if (id !== undefined) await loadProtocol(id);
  const parsed = parseScenario(probe.scenario, getProtocol);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return numericFacts(runScenario(parsed.scenario, getProtocol).summary.facts);
}
