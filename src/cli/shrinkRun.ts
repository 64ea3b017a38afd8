import type { AnyProtocol } from '../engine/protocol';
import type { Input, Violation } from '../engine/types';
import { budgetReached } from '../scenario/budget';
import { DEFAULT_UNTIL_MS } from '../scenario/limits';
import { parseScenario } from '../scenario/parse';
import { createSimulation } from '../scenario/run';
import type { ProtocolLookup } from '../scenario/types';
import { expandWorkload } from '../scenario/workload';
import { checked } from './fuzz';

/**
 * The first violation of a scenario file played as the fuzzer plays it (fuzz.ts `playChecked`: to its `until`,
 * else `untilMs`, then settled, with the history check for a protocol with a model); null when it breaks
 * nothing, undefined when the file is no candidate (it does not parse, or passes the runner's budgets).
 * It stops at the first violation the run records: the ones after it, the end-of-run check's and the history
 * check's all come later in the list, so the first one is known there and the rest of the run cannot change it.
 */
export function firstViolation(
  file: Record<string, unknown>,
  protocol: AnyProtocol,
  lookup: ProtocolLookup,
  untilMs: number,
): Violation | null | undefined {
  const parsed = parseScenario(file, lookup);
  if (!parsed.ok) return undefined;
  const sim = createSimulation(parsed.scenario, lookup);
  const end = parsed.scenario.until ?? untilMs;
  for (;;) {
    const next = sim.nextEventAt();
    if (next === undefined || next > end) break;
    if (budgetReached(sim)) return undefined;
    sim.step();
    if (sim.violations.length > 0) return sim.violations[0] as Violation;
  }
  sim.runUntil(end);
  sim.settle();
  return checked(sim, protocol)[0] ?? null;
}

/**
 * A file's inputs as explicit events: its `events`, then its workload's requests (§1.5) written out, in time
 * order with the file's events first at equal times, as the engine plays them (simulation.ts; expanded up to
 * `until` as run.ts expands them): the same run.
 * Null when the file does not parse.
 */
export function explicitInputs(
  file: Record<string, unknown>,
  protocol: AnyProtocol,
  lookup: ProtocolLookup,
): Input[] | null {
  const parsed = parseScenario(file, lookup);
  if (!parsed.ok) return null;
  const { scenario } = parsed;
  const own = (file.events as Input[] | undefined) ?? [];
  const generated =
    scenario.workload && protocol.ops
      ? expandWorkload(scenario.workload, scenario.seed, scenario.until ?? DEFAULT_UNTIL_MS, protocol.ops)
      : [];
  return stableByTime([...own, ...generated]);
}

/** Sorted by `at`, equal times in the order given (Array.prototype.sort is stable). */
export function stableByTime<T extends { readonly at: number }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => a.at - b.at);
}
