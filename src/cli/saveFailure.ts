import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyProtocol } from '../engine/protocol';
import type { Violation } from '../engine/types';
import type { ProtocolLookup } from '../scenario/types';
import { type FuzzFailure, playChecked } from './fuzz';
import { shrinkScenario } from './shrink';

/** A failure as `fuzz` reports it: `scenario` is the file to run, `violations` what `run` of it reports. */
export interface SavedFailure {
  readonly seed: number;
  readonly violations: readonly Violation[];
  readonly scenario: string;
  /** With shrinking: the file the fuzz run played, kept beside the shrunk one. */
  readonly original?: string;
  readonly inputs?: { readonly before: number; readonly after: number };
  /** Human report only (not in `--json`): the runs the shrink played, and whether its budget cut it short. */
  readonly shrink?: { readonly runs: number; readonly isCutShort: boolean };
}

/**
 * Writes a fuzz failure's scenario file into `dir` as `<name>.json`. With `shrink`, that file is the shrunk one
 * (shrink.ts) and the file the fuzz run played is kept beside it as `<name>.original.json`.
 */
export function saveFailure(
  failure: FuzzFailure,
  dir: string,
  name: string,
  options: { readonly protocol: AnyProtocol; readonly untilMs: number; readonly shrink: boolean },
  lookup: ProtocolLookup,
): SavedFailure {
  mkdirSync(dir, { recursive: true });
  const scenario = join(dir, `${name}.json`);
  const write = (path: string, file: Record<string, unknown>) =>
    writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
  if (!options.shrink) {
    write(scenario, failure.file);
    return { seed: failure.seed, violations: failure.violations, scenario };
  }
  const shrunk = shrinkScenario(failure.file, options.protocol, lookup, { untilMs: options.untilMs });
  const original = join(dir, `${name}.original.json`);
  write(scenario, shrunk.file);
  write(original, failure.file);
  return {
    seed: failure.seed,
    // What `run` of the shrunk file reports, as the fuzzer's own check finds it.
    violations: playChecked(shrunk.file, options.protocol, options.untilMs, lookup).violations,
    scenario,
    original,
    inputs: { before: shrunk.inputsBefore, after: shrunk.inputsAfter },
    shrink: { runs: shrunk.runs, isCutShort: shrunk.isCutShort },
  };
}

/** The human report's lines for one saved failure. */
export function failureLines(f: SavedFailure): string[] {
  const first = f.violations[0];
  const lines = [`  seed ${f.seed}: ${first?.invariant} at ${first?.time} ms: ${first?.message}`];
  if (f.inputs && f.shrink) {
    const budget = f.shrink.isCutShort ? ', the budget' : '';
    lines.push(`    shrunk from ${f.inputs.before} inputs to ${f.inputs.after} (${f.shrink.runs} runs${budget})`);
  }
  lines.push(`    reproduce: npm run -s sim -- run ${f.scenario}`);
  if (f.original) lines.push(`    original: ${f.original}`);
  return lines;
}
