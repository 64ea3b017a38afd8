import { fuzzFile, playChecked, runSeeds } from '../cli/fuzz';
import type { AnyProtocol } from '../engine/protocol';
import type { Violation } from '../engine/types';
import { parseScenario } from '../scenario/parse';
import type { ProtocolLookup } from '../scenario/types';

/**
 * "Find a counterexample" (issue 12, item 4), the pure part a Web Worker runs: a batch of a sweep's runs,
 * each the fuzzer's run of its seed (cli/fuzz.ts) moved onto the current run's setup. Only the inputs
 * come from the fuzzer; the seed, network, initial state, clocks and clients stay the run's, and its
 * config wins over the fuzz config key by key. So a counterexample is a list of inputs under the same
 * setup: exactly what a branch of the current run is (branches.ts), and it replays there as it failed here.
 */
export interface SearchTask {
  /** The current run as a scenario file (its events are not used). */
  readonly setup: Record<string, unknown>;
  /** The sweep's seed: run i plays the i-th draw of its stream, whichever worker plays it. */
  readonly sweepSeed: number;
  readonly from: number;
  readonly count: number;
  /** How long each run lasts before its settled tail, virtual ms (searchClient.ts's searchHorizonMs). */
  readonly untilMs: number;
}

export interface SearchFinding {
  /** The run's index in the sweep (the lowest failing one is the search's answer). */
  readonly index: number;
  /** The fuzz seed its inputs were drawn from. */
  readonly seed: number;
  /** The first invariant it broke, and when. */
  readonly violation: Violation;
  /** The scenario file that reproduces it: the run's setup with the found inputs. */
  readonly file: Record<string, unknown>;
}

export interface SearchBatch {
  /** Runs played: up to the first failing one of the batch. */
  readonly runs: number;
  readonly events: number;
  readonly finding: SearchFinding | null;
}

/** Fields of a scenario file that set up the run (everything but the inputs and where it ends). */
const SETUP_FIELDS = [
  'protocol',
  'seed',
  'nodes',
  'clients',
  'workload',
  'network',
  'initial',
  'bug',
  'clocks',
  'sampleMs',
  'standby',
] as const;

/** The file of sweep run `seed`: the fuzzer's inputs, drawn up to `untilMs`, under the run's setup (see above). */
export function searchFile(
  setup: Record<string, unknown>,
  protocol: AnyProtocol,
  seed: number,
  untilMs: number,
): Record<string, unknown> {
  const nodes = countOf(setup.nodes);
  const bug = typeof setup.bug === 'string' ? setup.bug : null;
  // The run's clients, if any, are the ones the generic schedule's workload may name.
  const clients = setup.clients === undefined ? {} : { clients: countOf(setup.clients) };
  // A protocol with its own generator is told the run's cluster, so its inputs name only the run's nodes.
  const cluster = { nodes, clients: clients.clients ?? 0, config: asRecord(setup.config) };
  const fuzzed = fuzzFile({ protocol, seed, nodes, untilMs, bug, ...clients, cluster }, seed);
  const file: Record<string, unknown> = {
    format: setup.format,
    version: setup.version,
    title: `counterexample, fuzz seed ${seed}`,
  };
  for (const field of SETUP_FIELDS) if (setup[field] !== undefined) file[field] = setup[field];
  file.config = { ...asRecord(fuzzed.config), ...asRecord(setup.config) };
  // A workload is expanded up to `until` (scenario/run.ts): the run's own end keeps it the same requests.
  const until = setup.workload !== undefined ? setup.until : fuzzed.until;
  if (until !== undefined) file.until = until;
  file.events = fuzzed.events;
  return file;
}

/** Plays runs `from` .. `from + count - 1` of the sweep, stopping at the first that breaks an invariant. */
export function searchBatch(task: SearchTask, lookup: ProtocolLookup): SearchBatch {
  const id = String(task.setup.protocol);
  const protocol = lookup(id);
  if (!protocol) throw new Error(`protocol: unknown protocol "${id}"`);
  const seeds = runSeeds(task.sweepSeed, task.from, task.count);
  let events = 0;
  for (const [k, seed] of seeds.entries()) {
    const file = searchFile(task.setup, protocol, seed, task.untilMs);
    const played = playOrExplain(file, protocol, task.untilMs, lookup, seed);
    events += played.events;
    const violation = played.violations[0];
    if (violation) return { runs: k + 1, events, finding: { index: task.from + k, seed, violation, file } };
  }
  return { runs: seeds.length, events, finding: null };
}

/**
 * Plays a search run; when its inputs do not fit the run's setup (a protocol whose fuzzer draws its own
 * clients can name one the run lacks), says so with the parser's words instead of blaming the fuzzer.
 */
function playOrExplain(
  file: Record<string, unknown>,
  protocol: AnyProtocol,
  untilMs: number,
  lookup: ProtocolLookup,
  seed: number,
): ReturnType<typeof playChecked> {
  const parsed = parseScenario(file, lookup);
  if (!parsed.ok) {
    throw new Error(`the inputs of fuzz seed ${seed} do not fit this run's setup: ${parsed.errors.join('; ')}`);
  }
  return playChecked(file, protocol, untilMs, lookup);
}

/** A scenario file's node or client count, given as a count or as a list of ids. */
function countOf(value: unknown): number {
  return Array.isArray(value) ? value.length : Number(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
