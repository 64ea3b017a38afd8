import type { AnyProtocol } from '../engine/protocol';
import { Rng } from '../engine/rng';
import type { Violation } from '../engine/types';
import { parseScenario } from '../scenario/parse';
import { createSimulation } from '../scenario/run';
import type { ProtocolLookup } from '../scenario/types';
import { randomScenario } from './schedule';

export interface FuzzOptions {
  readonly protocol: AnyProtocol;
  readonly runs: number;
  readonly seed: number;
  readonly nodes: number;
  readonly untilMs: number;
  readonly bug: string | null;
  /** Stop after this many failing runs (the sweep needs one to prove a bug is caught). */
  readonly stopAfter?: number;
}

export interface FuzzFailure {
  readonly seed: number;
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
    const file = options.protocol.fuzzScenario?.(seed, options.bug) ?? randomScenario({ ...options, seed });
    const parsed = parseScenario(file, lookup);
    if (!parsed.ok) throw new Error(`the fuzzer wrote an invalid scenario: ${parsed.errors.join('; ')}`);
    const sim = createSimulation(parsed.scenario, lookup);
    sim.runUntil(options.untilMs);
    sim.settle();
    runs++;
    events += sim.counters.events;
    if (sim.violations.length > 0) {
      failures.push({ seed, violations: [...sim.violations], file });
      if (options.stopAfter !== undefined && failures.length >= options.stopAfter) break;
    }
  }
  return { runs, events, failures };
}
