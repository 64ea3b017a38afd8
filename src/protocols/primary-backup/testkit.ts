import type { Simulation } from '../../engine/simulation';
import { parseScenario } from '../../scenario/parse';
import { createSimulation, DEFAULT_UNTIL_MS } from '../../scenario/run';
import { getProtocol } from '../index';
import type { PbContext, ServerContext } from './types';

/** Test helpers: a primary-backup scenario played as the app plays it, and outcomes as a student reads them. */

/** A scenario file parsed as the app parses it and played to `untilMs` or its `until`. */
export function playFile(file: Record<string, unknown>, untilMs?: number): Simulation {
  const parsed = parseScenario(file, getProtocol);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const sim = createSimulation(parsed.scenario, getProtocol);
  sim.runUntil(untilMs ?? (file.until as number | undefined) ?? DEFAULT_UNTIL_MS);
  return sim;
}

/** A run of three servers and two clients from config and events. */
export function scenario(config: Record<string, unknown>, events: readonly Record<string, unknown>[], until = 6000) {
  return {
    format: 'netsplit-scenario',
    version: 1,
    protocol: 'primary-backup',
    seed: 1,
    nodes: 3,
    clients: 2,
    config,
    network: { latencyMs: [10, 30], loss: 0, duplicate: 0 },
    until,
    events,
  };
}

export function server(sim: Simulation, id: string): ServerContext {
  const ctx = sim.world().nodes.find((n) => n.id === id)?.context as PbContext | undefined;
  if (ctx?.kind !== 'server') throw new Error(`no server ${id}`);
  return ctx;
}

/** A server's log as commands: `write x 1, write x 2`. */
export const commands = (sim: Simulation, id: string): string[] => server(sim, id).log.map((e) => e.command);

/** Each completed operation: `c1 write x 1 -> ok`, `c2 read x -> ok 1`, in completion order. */
export function completions(sim: Simulation): string[] {
  const ops = new Map<number, string>();
  const out: string[] = [];
  for (const r of sim.trace) {
    if (r.kind === 'invoke') ops.set(r.op, `${r.client} ${r.command}`);
    if (r.kind === 'complete') out.push(`${ops.get(r.op)} -> ${r.result}${r.value === null ? '' : ` ${r.value}`}`);
  }
  return out;
}
