import { readFileSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { MAX_PATH_ECHO_CHARS, quote, shortenRuns } from '../engine/quote';

/** A command-line mistake: the runner prints it and exits 2. */
export class UsageError extends Error {}

export function parse<const O extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's message repeats the argument as typed: cut, like every echo of user text.
    throw new UsageError(shortenRuns(error instanceof Error ? error.message : String(error)));
  }
}

/** A whole number within bounds, or a UsageError naming the flag. */
export function wholeNumber(flag: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag}: must be a whole number from ${min} to ${max}, got ${quote(raw)}`);
  }
  return value;
}

/** The text of the file at `path` (`-` for standard input), or a usage error naming it and why it cannot be read. */
export function readInput(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `${quote(path, (s) => s, MAX_PATH_ECHO_CHARS)}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
}
