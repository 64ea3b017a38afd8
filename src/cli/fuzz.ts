import type { AnyProtocol, FuzzCluster } from '../engine/protocol';
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
  /** The run the inputs must fit, for a protocol with its own generator (the browser search); else it draws one. */
  readonly cluster?: FuzzCluster;
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

/**
 * The seeds of a sweep's runs `from` .. `from + count - 1`: run i's seed is the i-th draw of the sweep seed's
 * stream, whichever worker, shard or machine plays it, so a sweep split any way finds the same failures.
 */
export function runSeeds(sweepSeed: number, from: number, count: number): number[] {
  const seeds = Rng.fromSeed(sweepSeed);
  for (let i = 0; i < from; i++) seeds.uint32();
  return Array.from({ length: count }, () => seeds.uint32());
}

/** The scenario file of the fuzz run with this seed: the protocol's own generator's, or the generic schedule's. */
export function fuzzFile(options: Omit<FuzzOptions, 'runs' | 'stopAfter'>, seed: number): Record<string, unknown> {
  const own = options.protocol.fuzzScenario?.(seed, options.bug, options.cluster);
  // §1.9: a protocol's own generator gets the same settled tail as the generic schedule.
  return own ? withSettledTail(own, options.protocol, options.untilMs) : randomScenario({ ...options, seed });
}

/** Plays one scenario file as the fuzzer does (to its end, then settled) and returns its events and violations. */
export function playChecked(
  file: Record<string, unknown>,
  protocol: AnyProtocol,
  untilMs: number,
  lookup: ProtocolLookup,
): { readonly events: number; readonly violations: readonly Violation[] } {
  const parsed = parseScenario(file, lookup);
  if (!parsed.ok) throw new Error(`the fuzzer wrote an invalid scenario: ${parsed.errors.join('; ')}`);
  const sim = createSimulation(parsed.scenario, lookup);
  sim.runUntil(parsed.scenario.until ?? untilMs);
  sim.settle();
  return { events: sim.counters.events, violations: checked(sim, protocol) };
}

/** One fuzz run: its events, and the failure when it broke an invariant. */
export function fuzzOne(
  options: Omit<FuzzOptions, 'runs' | 'stopAfter'>,
  seed: number,
  lookup: ProtocolLookup,
): { readonly events: number; readonly failure: FuzzFailure | null } {
  const file = fuzzFile(options, seed);
  const { events, violations } = playChecked(file, options.protocol, options.untilMs, lookup);
  return { events, failure: violations.length > 0 ? { seed, violations, file } : null };
}

/** Plays `runs` random scenarios, each checked after every event, and returns the failing ones. */
export function fuzz(options: FuzzOptions, lookup: ProtocolLookup): FuzzResult {
  const failures: FuzzFailure[] = [];
  let events = 0;
  let runs = 0;
  for (const seed of runSeeds(options.seed, 0, options.runs)) {
    const one = fuzzOne(options, seed, lookup);
    runs++;
    events += one.events;
    if (one.failure) {
      failures.push(one.failure);
      if (options.stopAfter !== undefined && failures.length >= options.stopAfter) break;
    }
  }
  return { runs, events, failures };
}

/**
 * The run's violations, and with a model and a history the declared guarantee's, checked as `run` checks them
 * (consistency.ts, §1.5, §1.9): a fuzz failure is exactly what `run` of its saved file reports.
 */
export function checked(sim: ReturnType<typeof createSimulation>, protocol: AnyProtocol): Violation[] {
  if (protocol.model === undefined || !sim.nodeIds().some((id) => sim.isClient(id))) return [...sim.violations];
  return [...withConsistency(summarize(sim), protocol, sim.trace).violations];
}
