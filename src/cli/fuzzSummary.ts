import { basename } from 'node:path';
import type { Violation } from '../engine/types';
import { readInput, UsageError } from './args';
import { type ShardSummary, SUMMARY_FORMAT } from './fuzzReport';

type Check = (value: unknown) => boolean;
const isWhole: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isText: Check = (v) => typeof v === 'string';
const isViolation: Check = (v) =>
  typeof v === 'object' && v !== null && isText((v as Violation).invariant) && isText((v as Violation).message);

/**
 * A shard summary read back for `fuzz merge`, or a UsageError naming the file, the field and the reason: a
 * summary travels through artifact stores and volumes, so it is checked like any input.
 */
export function readSummary(path: string, where: string): ShardSummary {
  let value: unknown;
  try {
    value = JSON.parse(readInput(path));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${where}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const fail = (field: string, reason: string): never => {
    throw new UsageError(`${where}: ${field}: ${reason}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('(top level)', 'must be an object');
  const record = value as Record<string, unknown>;
  const need = (field: string, check: Check, reason: string, from = record, at = field) => {
    if (!check(from[field])) fail(at, reason);
    return from[field];
  };
  need('format', (v) => v === SUMMARY_FORMAT, `must be "${SUMMARY_FORMAT}" (a summary of fuzz --shard)`);
  need('version', (v) => v === 1, 'must be 1');
  need('protocol', isText, 'must be a protocol id');
  need('bug', (v) => v === null || isText(v), 'must be a bug id or null');
  for (const field of ['seed', 'runs', 'nodes', 'until', 'clients', 'played', 'events']) {
    need(field, isWhole, 'must be a whole number');
  }
  const shard = need('shard', (v) => typeof v === 'object' && v !== null, 'must be { k, n }') as Record<
    string,
    unknown
  >;
  need('n', (v) => isWhole(v) && (v as number) >= 1, 'must be a whole number from 1', shard, 'shard.n');
  need(
    'k',
    (v) => isWhole(v) && (v as number) >= 1 && (v as number) <= (shard.n as number),
    'must be from 1 to n',
    shard,
    'shard.k',
  );
  const failures = need('failures', Array.isArray, 'must be a list') as unknown[];
  failures.forEach((f, i) => {
    const at = `failures[${i}]`;
    if (typeof f !== 'object' || f === null) fail(at, 'must be an object');
    const one = f as Record<string, unknown>;
    need('index', isWhole, 'must be a whole number', one, `${at}.index`);
    need('seed', isWhole, 'must be a whole number', one, `${at}.seed`);
    const isList = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every(isViolation);
    need('violations', isList, 'must be a list of violations', one, `${at}.violations`);
    // A bare file name beside the summary: a summary never points a merge elsewhere on the disk.
    const isName = (v: unknown) => isText(v) && v !== '' && basename(v as string) === v && !/^\.\.?$/.test(v as string);
    need('scenario', isName, "must be a file name in the summary's directory", one, `${at}.scenario`);
  });
  return record as unknown as ShardSummary;
}
