import type { AnyProtocol } from '../engine/protocol';
import type { Input, Violation } from '../engine/types';
import { DEFAULT_UNTIL_MS } from '../scenario/limits';
import { parseScenario } from '../scenario/parse';
import type { ProtocolLookup } from '../scenario/types';
import { explicitInputs, firstViolation, stableByTime } from './shrinkRun';
import { type ScenarioFile, ShrinkSearch } from './shrinkSearch';
import { dropInputs, dropKnobs, moveEarlier, shortenUntil } from './shrinkSteps';

/** Runs a shrink may play unless told: a few seconds for the shipped protocols' fuzz failures. */
export const DEFAULT_SHRINK_BUDGET = 2000;

export interface ShrinkOptions {
  /** The most runs to play [DEFAULT_SHRINK_BUDGET]; past it the smallest failing file so far is the result. */
  readonly budget?: number;
  /** The end of a file that names no `until`, as the fuzzer's `--until` [DEFAULT_UNTIL_MS, as `run`]. */
  readonly untilMs?: number;
  /** After every run: runs so far, and the inputs of the smallest failing file so far. */
  readonly onProgress?: (tries: number, inputs: number) => void;
}

export interface ShrinkResult {
  /** The shrunk scenario file: it still breaks `invariant` first, as `run` of it reports. */
  readonly file: ScenarioFile;
  /** The invariant the original broke first. */
  readonly invariant: string;
  /** The shrunk file's first violation. */
  readonly violation: Violation;
  /** Inputs: the events, and a workload's requests (§1.5) while the file has one. */
  readonly inputsBefore: number;
  readonly inputsAfter: number;
  readonly untilBefore: number;
  readonly untilAfter: number;
  /** Runs played (candidates that did not parse are not counted: they are no candidates). */
  readonly runs: number;
  /** The budget ran out before the shrink had done all it would. */
  readonly isCutShort: boolean;
}

/** At most this many rounds of the steps; a round that changes nothing ends the shrink before. */
const ROUNDS = 4;

/**
 * Shrinks a failing scenario file (a fuzz failure's `file`) to a small one that still breaks the same
 * invariant first, played as the fuzzer plays it (fuzz.ts `playChecked`, history check included). In order:
 * the workload, dropped as a unit when the failure does not need it, else written out as its requests;
 * the inputs after the first violation, cut; then rounds of delta debugging over the inputs (Zeller's ddmin),
 * a shorter `until`, each input moved earlier, and the settings and nodes the failure does not need dropped,
 * until a round changes nothing or the budget is spent. Pure and deterministic: the same file gives the same
 * result, in Node or in a Web Worker. Throws when the file does not parse or breaks no invariant.
 */
export function shrinkScenario(
  file: ScenarioFile,
  protocol: AnyProtocol,
  lookup: ProtocolLookup,
  options: ShrinkOptions = {},
): ShrinkResult {
  const untilMs = options.untilMs ?? DEFAULT_UNTIL_MS;
  const parsed = parseScenario(file, lookup);
  if (!parsed.ok) throw new Error(`the scenario does not parse: ${parsed.errors.join('; ')}`);
  const original = firstViolation(file, protocol, lookup, untilMs);
  if (!original) throw new Error('the scenario breaks no invariant: there is nothing to shrink');
  const workloadInputs = (explicitInputs(file, protocol, lookup) ?? []).length - eventsOf(file).length;
  const inputsOf = (f: ScenarioFile) => eventsOf(f).length + (f.workload === undefined ? 0 : workloadInputs);
  const inputsBefore = inputsOf(file);
  const search = new ShrinkSearch(
    protocol,
    lookup,
    untilMs,
    original.invariant,
    options.budget ?? DEFAULT_SHRINK_BUDGET,
    inputsOf,
    inputsBefore,
    options.onProgress,
  );
  const untilBefore = typeof file.until === 'number' ? file.until : (parsed.scenario.until ?? untilMs);
  // The same run, spelled out: `until` named, the events in the order the engine plays them.
  let current = firstFailing(search, file, [{ ...file, until: untilBefore, events: stableByTime(eventsOf(file)) }]);
  current = withoutWorkload(current, search, protocol, lookup);
  current = firstFailing(search, current, [cutAfter(current, original.time)]);
  for (let round = 0; round < ROUNDS && !search.isSpent; round++) {
    const before = JSON.stringify(current);
    for (const step of [dropInputs, shortenUntil, moveEarlier, dropKnobs]) current = step(current, search);
    if (JSON.stringify(current) === before) break;
  }
  return {
    file: current,
    invariant: original.invariant,
    violation: search.violation(current) ?? original,
    inputsBefore,
    inputsAfter: inputsOf(current),
    untilBefore,
    untilAfter: typeof current.until === 'number' ? current.until : untilBefore,
    runs: search.runs,
    isCutShort: search.isSpent,
  };
}

const eventsOf = (file: ScenarioFile): readonly Input[] => (file.events as Input[] | undefined) ?? [];

/** The first candidate that fails, else `fallback`. */
function firstFailing(search: ShrinkSearch, fallback: ScenarioFile, candidates: readonly ScenarioFile[]): ScenarioFile {
  return candidates.find((c) => search.fails(c)) ?? fallback;
}

/**
 * §1.5: a workload the failure does not need goes as a unit; one it needs becomes its requests, written out
 * as events (the same run), so delta debugging can keep the few that matter and `until` no longer moves them.
 */
function withoutWorkload(
  file: ScenarioFile,
  search: ShrinkSearch,
  protocol: AnyProtocol,
  lookup: ProtocolLookup,
): ScenarioFile {
  if (file.workload === undefined) return file;
  const { workload: _, ...without } = file;
  const written = explicitInputs(file, protocol, lookup);
  return firstFailing(search, file, [without, ...(written ? [{ ...without, events: written }] : [])]);
}

/** The run up to its first violation: the inputs after it cannot have caused it. */
function cutAfter(file: ScenarioFile, atMs: number): ScenarioFile {
  const until = Math.ceil(atMs);
  return { ...file, until, events: eventsOf(file).filter((e) => e.at <= until) };
}
