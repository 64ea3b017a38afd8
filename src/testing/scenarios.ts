import type { Simulation } from '../engine/simulation';
import { getPresetFile, getProtocol } from '../protocols';
import { parseScenario } from '../scenario/parse';
import { createSimulation } from '../scenario/run';
import type { Scenario } from '../scenario/types';

/**
 * Test helpers: build a world from a scenario, as the tests' style asks. The unit tests' setup
 * (`setup.ts`) has loaded every protocol and preset, so these stay synchronous.
 */

export function scenario(fields: Record<string, unknown>): Scenario {
  const parsed = parseScenario({ format: 'netsplit-scenario', version: 1, seed: 1, nodes: 5, ...fields }, getProtocol);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

export function preset(id: string): Scenario {
  const file = getPresetFile(id);
  if (file === undefined) throw new Error(`no preset ${id} (or it is not loaded)`);
  const parsed = parseScenario(file, getProtocol);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

export function simulate(s: Scenario, untilMs: number): Simulation {
  const sim = createSimulation(s, getProtocol);
  sim.runUntil(untilMs);
  return sim;
}

/** A node view, typed loosely: tests read protocol fields without a cast at every step. */
// biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary protocol fields.
export type LooseView = Record<string, any>;

/** The view of one node, typed loosely for assertions. */
export function state(sim: Simulation, id: string): LooseView {
  const node = sim.node(id);
  if (!node) throw new Error(`no node ${id}`);
  return node.view as LooseView;
}
