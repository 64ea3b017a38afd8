import type { AnyProtocol } from '../engine/protocol';
import { Rng } from '../engine/rng';
import type { Violation } from '../engine/types';
import { parseScenario } from '../scenario/parse';
import { createSimulation, summarize } from '../scenario/run';
import type { ProtocolLookup } from '../scenario/types';
import { withConsistency } from './consistency';
import { randomScenario } from './schedule';
import { withSettledTail } from './tail';

export interface FuzzOptions {
  readonly protocol: AnyProtocol;
  readonly runs: number;
  readonly seed: number;
  readonly nodes: number;
  readonly untilMs: number;
  readonly bug: string | null;
  /** §1.9: clients for a protocol with a client machine [2], with a random workload. */
  readonly clients?: number;
  /** Stop after this many failing runs (the sweep needs one to prove a bug is caught). */
  readonly stopAfter?: number;
}

export interface FuzzFailure {
  readonly seed: number;
  /** Invariants broken during the run or at its end, then the declared guarantee's (§1.5, with `key`, `ops`). */
  readonly violations: readonly Violation[];
  /** The scenario file that reproduces the run. */
  readonly file: Record<string, unknown>;
}

export interface FuzzResult {
  readonly runs: number;
  readonly events: number;
  readonly failures: readonly FuzzFailure[];
}

/** Plays `runs` random scenarios, each checked after every event, and returns the failing ones. */
export function fuzz(options: FuzzOptions, lookup: ProtocolLookup): FuzzResult {
  const seeds = Rng.fromSeed(options.seed);
  const failures: FuzzFailure[] = [];
  let events = 0;
  let runs = 0;
  for (let i = 0; i < options.runs; i++) {
    const seed = seeds.uint32();
    const own = options.protocol.fuzzScenario?.(seed, options.bug);
    // §1.9: a protocol's own generator gets the same settled tail as the generic schedule.
    const file = own ? withSettledTail(own, options.protocol, options.untilMs) : randomScenario({ ...options, seed });
    const parsed = parseScenario(file, lookup);
    if (!parsed.ok) throw new Error(`the fuzzer wrote an invalid scenario: ${parsed.errors.join('; ')}`);
    const sim = createSimulation(parsed.scenario, lookup);
    sim.runUntil(parsed.scenario.until ?? options.untilMs);
    sim.settle();
    runs++;
    events += sim.counters.events;
    const violations = checked(sim, options.protocol);
    if (violations.length > 0) {
      failures.push({ seed, violations, file });
      if (options.stopAfter !== undefined && failures.length >= options.stopAfter) break;
    }
  }
  return { runs, events, failures };
}

/**
 * The run's violations, and with a model and a history the declared guarantee's, checked as `run` checks them
 * (consistency.ts, §1.5, §1.9): a fuzz failure is exactly what `run` of its saved file reports.
 */
function checked(sim: ReturnType<typeof createSimulation>, protocol: AnyProtocol): Violation[] {
  if (protocol.model === undefined || !sim.nodeIds().some((id) => sim.isClient(id))) return [...sim.violations];
  return [...withConsistency(summarize(sim), protocol, sim.trace).violations];
}
