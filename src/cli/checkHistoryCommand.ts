import type { Consistency } from '../engine/clients';
import { MAX_PATH_ECHO_CHARS, quote } from '../engine/quote';
import { type CheckOptions, checkConsistency, type GuaranteeResult } from '../history/check';
import { readHistoryText } from '../history/readHistory';
import { registerModel } from '../history/register';
import { parse, readInput, UsageError } from './args';

const USAGE =
  'usage: npm run -s sim -- check-history <file | -> [--model register] [--consistency linearizable|sequential] [--json]';

/**
 * `check-history` (spec/protocols.md §1.10): checks a history that did not come from a run, netsplit's or a
 * Jepsen register log. Exit 0 when the guarantee holds (or the search ran out of budget: it says so), 1 when it
 * does not, 2 for bad input naming the line or field.
 */
export function checkHistoryCommand(
  argv: readonly string[],
  out: (text: string) => void,
  options: CheckOptions = {},
): number {
  const { values, positionals } = parse(argv, {
    model: { type: 'string' },
    consistency: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError(`expected one history file (or - for standard input)\n${USAGE}`);
  const model = values.model ?? 'register';
  if (model !== 'register') throw new UsageError(`--model: unknown model ${quote(model)} (register)`);
  const declared = values.consistency ?? 'linearizable';
  if (declared !== 'linearizable' && declared !== 'sequential') {
    throw new UsageError(`--consistency: must be linearizable or sequential, got ${quote(declared)}`);
  }
  const path = positionals[0] as string;
  const text = readInput(path);
  const where = path === '-' ? 'stdin' : quote(path, (s) => s, MAX_PATH_ECHO_CHARS);
  const read = readHistoryText(text);
  if (!read.ok) throw new UsageError(read.errors.map((e) => `${where}: ${e}`).join('\n'));
  const unit = read.format === 'jepsen' ? 'line' : 'ms';
  const outcome = checkConsistency(read.history, registerModel, declared as Consistency, { unit, ...options });
  if (values.json) out(JSON.stringify(outcome.consistency));
  else {
    const lines = [`${read.history.length} operations (${read.format} history), model register`];
    for (const guarantee of ['linearizable', 'sequential'] as const) {
      const mark = guarantee === declared ? ' (checked)' : '';
      lines.push(`${guarantee}${mark}: ${verdictText(outcome.consistency[guarantee], read.format)}`);
    }
    for (const v of outcome.violations) {
      lines.push(`VIOLATION ${v.invariant} at ${unit === 'ms' ? `${v.time} ms` : `line ${v.time}`}: ${v.message}`);
    }
    for (const u of outcome.unchecked) lines.push(`UNKNOWN ${u.invariant}: ${u.reason}; not decided`);
    out(lines.join('\n'));
  }
  return outcome.violations.length > 0 ? 1 : 0;
}

function verdictText(result: GuaranteeResult, format: 'jepsen' | 'netsplit'): string {
  if (result.verdict === 'ok') return 'ok';
  if (result.verdict === 'unknown') return `unknown (key ${JSON.stringify(result.key)}: search budget spent)`;
  const unit = format === 'jepsen' ? 'line' : 'ms';
  const at = unit === 'line' ? `line ${result.at}` : `${result.at} ms`;
  return `violation on key ${JSON.stringify(result.key)} at ${at}, ops ${result.ops.join(', ')}`;
}
