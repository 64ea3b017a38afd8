import { type Keyed, own } from '../../engine/kit';
import type { Simulation } from '../../engine/simulation';
import { parseScenario } from '../../scenario/parse';
import { createSimulation } from '../../scenario/run';
import type { Scenario } from '../../scenario/types';
import { getProtocol } from '../index';

/** Test helpers: scenarios as a user writes them, outcomes as the inspector shows them. */

/** A 2pc scenario file (3 nodes, seed 1, unless `fields` says otherwise), parsed as the app parses it. */
export function scenario(fields: Record<string, unknown>): Scenario {
  const file = { format: 'netsplit-scenario', version: 1, protocol: '2pc', seed: 1, nodes: 3, ...fields };
  const parsed = parseScenario(file, getProtocol);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** Builds the scenario's simulation and runs it to `untilMs`. */
export function play(fields: Record<string, unknown>, untilMs: number): Simulation {
  const sim = createSimulation(scenario(fields), getProtocol);
  sim.runUntil(untilMs);
  return sim;
}

type TxView = { readonly state: string; readonly vote?: string | null; readonly votes?: Record<string, string> };

/** A transaction as node `node`'s view shows it, or undefined when the node has not heard of it. */
export function tx(sim: Simulation, node: string, id: string): TxView | undefined {
  const view = sim.node(node)?.view as { transactions?: Keyed<TxView> } | undefined;
  const transactions = view?.transactions;
  return transactions && own(transactions, id);
}

/** The state of transaction `id` at each node, in node order (`-` where the node has not heard of it). */
export function states(sim: Simulation, id: string): string[] {
  return sim.nodeIds().map((n) => tx(sim, n, id)?.state ?? '-');
}

export function replies(sim: Simulation, command: string): { ok: boolean; note: string }[] {
  return sim.trace.flatMap((r) => (r.kind === 'reply' && r.command === command ? [{ ok: r.ok, note: r.note }] : []));
}
