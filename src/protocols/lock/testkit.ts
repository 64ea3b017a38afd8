import { Simulation } from '../../engine/simulation';
import type { Input } from '../../engine/types';
import { parseScenario } from '../../scenario/parse';
import { createSimulation, DEFAULT_UNTIL_MS } from '../../scenario/run';
import { getProtocol } from '../index';
import { lockConfigSchema } from './config';
import { lock } from './index';
import type { LockContext } from './types';

/** Test helpers: a lock run from scenario-file fields, and outcomes as the inspector and History panel show them. */

export interface LockRun {
  readonly nodes?: number;
  readonly clients?: number;
  readonly seed?: number;
  readonly config?: Record<string, unknown>;
  readonly bug?: string | null;
  readonly initial?: Record<string, unknown>;
  readonly events?: readonly Record<string, unknown>[];
  readonly network?: { latencyMs: [number, number]; loss: number; duplicate: number };
}

/** The simulation of a lock scenario with `clients` client nodes (c1..cN), run to `untilMs`. */
export function playLock(run: LockRun, untilMs: number): Simulation {
  const config = lockConfigSchema.parse(run.config ?? {});
  const servers = run.nodes ?? (config.variant === 'lease' ? 2 : config.redisCount + 1);
  const sim = new Simulation({
    protocol: lock,
    nodes: Array.from({ length: servers }, (_, i) => `n${i + 1}`),
    clients: Array.from({ length: run.clients ?? 2 }, (_, i) => `c${i + 1}`),
    seed: run.seed ?? 1,
    config,
    network: run.network ?? { latencyMs: [10, 30], loss: 0, duplicate: 0 },
    bug: run.bug ?? null,
    initial: run.initial ?? {},
    inputs: (run.events ?? []) as unknown as Input[],
  });
  sim.runUntil(untilMs);
  return sim;
}

/** A node's context, by id. */
export function contextOf(sim: Simulation, id: string): LockContext {
  const node = sim.world().nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node.context as LockContext;
}

/** Each completed operation: `c1 update 5 -> ok`, in completion order. */
export function completions(sim: Simulation): string[] {
  const commands = new Map<number, string>();
  const out: string[] = [];
  for (const r of sim.trace) {
    if (r.kind === 'invoke') commands.set(r.op, `${r.client} ${r.command}`);
    if (r.kind === 'complete') out.push(`${commands.get(r.op)} -> ${r.result}`);
  }
  return out;
}

/** A scenario file (a preset's, or a fuzz run's) parsed as the app parses it and played to `untilMs` or its `until`. */
export function playFile(file: Record<string, unknown>, untilMs?: number): Simulation {
  const parsed = parseScenario(file, getProtocol);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const sim = createSimulation(parsed.scenario, getProtocol);
  sim.runUntil(untilMs ?? (file.until as number | undefined) ?? DEFAULT_UNTIL_MS);
  return sim;
}
