import { z } from 'zod';
import type { HistoryEntry } from '../engine/clients';
import { quote, shortenRuns } from '../engine/quote';
import { describeIssues } from '../scenario/errors';
import { type HistoryRead, MAX_HISTORY_OPS } from './jepsen';
import type { ParseCommand } from './ops';

const time = z.number().int('must be a whole number of ms').min(0, 'must be at least 0');

const entrySchema = z
  .object({
    id: z.number().int('must be a whole number').min(1, 'must be at least 1'),
    client: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
    op: z.string().max(200, 'must be at most 200 characters'),
    invokeAt: time,
    completeAt: time.nullable(),
    result: z.enum(['ok', 'fail', 'info'], 'must be "ok", "fail" or "info"'),
    value: z.union([z.number(), z.string().max(200), z.null()], 'must be a number, a string or null'),
  })
  .strict();

const historySchema = z.array(entrySchema).max(MAX_HISTORY_OPS, `must have at most ${MAX_HISTORY_OPS} operations`);

/**
 * netsplit's history (§1.5's runner JSON `history`), alone or inside a whole `run --json` object (§1.10).
 * Errors name the field (`history[3].completeAt: ...`); commands must be operations of `parse`'s grammar.
 */
export function parseNetsplitHistory(text: string, parse: ParseCommand, usage: string): HistoryRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = shortenRuns(error instanceof Error ? error.message : String(error));
    return { ok: false, errors: [`(file): not valid JSON (${reason})`] };
  }
  const isRun = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (isRun && !Object.hasOwn(value as object, 'history')) {
    return { ok: false, errors: ['history: missing (a run of a protocol with clients has one)'] };
  }
  const list = isRun ? (value as { history: unknown }).history : value;
  const parsed = historySchema.safeParse(list);
  if (!parsed.success) return { ok: false, errors: describeIssues(parsed.error, ['history']) };
  const errors: string[] = [];
  const seen = new Set<number>();
  parsed.data.forEach((entry, i) => {
    const where = `history[${i}]`;
    if (seen.has(entry.id)) errors.push(`${where}.id: ${entry.id} appears twice`);
    seen.add(entry.id);
    if (parse(entry.op) === null) errors.push(`${where}.op: ${quote(entry.op)} is not an operation of ${usage}`);
    if (entry.completeAt !== null && entry.completeAt < entry.invokeAt) {
      errors.push(`${where}.completeAt: must not be before invokeAt (${entry.invokeAt})`);
    }
    if (entry.completeAt === null && entry.result !== 'info') {
      errors.push(`${where}.result: an open operation (completeAt null) must be "info"`);
    }
  });
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, 20) };
  return { ok: true, history: parsed.data as HistoryEntry[], format: 'netsplit' };
}
