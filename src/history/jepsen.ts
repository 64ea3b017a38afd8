import type { HistoryEntry, OpResult } from '../engine/clients';
import { quote } from '../engine/quote';

/** What reading a history file gives: the history, or the errors (each naming its line or field). */
export type HistoryRead =
  | { readonly ok: true; readonly history: HistoryEntry[]; readonly format: 'jepsen' | 'netsplit' }
  | { readonly ok: false; readonly errors: string[] };

/** §1.5's workload bound: a history file of more operations is refused before any search. */
export const MAX_HISTORY_OPS = 100_000;

// `INFO  jepsen.util - 3	:invoke	:write	4`: Jepsen's logger (jepsen.util/log-op), tabs or spaces.
const LINE = /jepsen\.util\s+-\s+(\S+)\s+:(invoke|ok|fail|info)\s+:(\S+)(?:\s+(.*?))?\s*$/;
const INTEGER = /^-?\d{1,16}$/;
const PAIR = /^\[\s*(-?\d{1,16})\s+(-?\d{1,16})\s*\]$/;

interface Open {
  readonly id: number;
  readonly name: 'read' | 'write' | 'cas';
  readonly command: string;
  readonly line: number;
}

/**
 * A Jepsen register history as Jepsen's logger writes it (spec §1.10), one register (key `x`). A process is a
 * client `p<process>`; time is the line number (the log has no clock every writer shares), so an op spans the
 * lines of its invocation and completion. Lines of other kinds (the nemesis, the run's chatter) are ignored.
 * `:info`, `:fail :read :timed-out` and an op still open at the end are unknown outcomes.
 */
export function parseJepsen(text: string): HistoryRead {
  const lines = text.split(/\r?\n/);
  const entries: HistoryEntry[] = [];
  const open = new Map<string, Open>();
  const errors: string[] = [];
  for (let i = 0; i < lines.length && errors.length < 20; i++) {
    const match = LINE.exec(lines[i] as string);
    if (match === null) continue;
    const [, process = '', type = '', fn = '', raw = ''] = match;
    if (!INTEGER.test(process)) continue;
    const line = i + 1;
    const where = `line ${line}`;
    if (fn !== 'read' && fn !== 'write' && fn !== 'cas') {
      errors.push(`${where}: ${quote(`:${fn}`)} is not a register operation (:read, :write, :cas)`);
      continue;
    }
    const value = raw.trim();
    if (type === 'invoke') {
      const before = open.get(process);
      if (before !== undefined) {
        errors.push(`${where}: :invoke for process ${process}, whose operation of line ${before.line} is still open`);
        continue;
      }
      if (entries.length >= MAX_HISTORY_OPS) {
        errors.push(`${where}: more than ${MAX_HISTORY_OPS} operations`);
        break;
      }
      const command = invokeCommand(fn, value);
      if (typeof command !== 'string') {
        errors.push(`${where}: ${command.error}`);
        continue;
      }
      const id = entries.length + 1;
      entries.push({
        id,
        client: `p${process}`,
        op: command,
        invokeAt: line,
        completeAt: null,
        result: 'info',
        value: null,
      });
      open.set(process, { id, name: fn, command, line });
      continue;
    }
    const pending = open.get(process);
    if (pending === undefined) {
      errors.push(`${where}: :${type} :${fn} for process ${process} with no open operation`);
      continue;
    }
    if (pending.name !== fn) {
      errors.push(
        `${where}: :${type} :${fn} for process ${process}, whose open operation (line ${pending.line}) is a :${pending.name}`,
      );
      continue;
    }
    open.delete(process);
    const completion = completionOf(type as 'ok' | 'fail' | 'info', fn, value);
    if ('error' in completion) {
      errors.push(`${where}: ${completion.error}`);
      continue;
    }
    const entry = entries[pending.id - 1] as HistoryEntry;
    // An unknown outcome stays open forever: it may take effect at any time after its invocation, or never.
    entries[pending.id - 1] =
      completion.result === 'info'
        ? entry
        : { ...entry, completeAt: line, result: completion.result, value: completion.value };
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, history: entries, format: 'jepsen' };
}

function invokeCommand(fn: 'read' | 'write' | 'cas', value: string): string | { error: string } {
  if (fn === 'read') return 'read x';
  if (fn === 'write') {
    if (!isSafe(value)) return { error: `:write needs an integer value, not ${quote(value)}` };
    return `write x ${Number(value)}`;
  }
  const pair = PAIR.exec(value);
  if (pair === null || !isSafe(pair[1] as string) || !isSafe(pair[2] as string)) {
    return { error: `:cas needs a value [from to] of integers, not ${quote(value)}` };
  }
  return `cas x ${Number(pair[1])} ${Number(pair[2])}`;
}

function completionOf(
  type: 'ok' | 'fail' | 'info',
  fn: 'read' | 'write' | 'cas',
  value: string,
): { result: OpResult; value: number | null } | { error: string } {
  if (type === 'info') return { result: 'info', value: null };
  if (type === 'fail') return { result: fn === 'read' && value === ':timed-out' ? 'info' : 'fail', value: null };
  if (fn !== 'read') return { result: 'ok', value: null };
  if (value === 'nil') return { result: 'ok', value: null };
  if (!isSafe(value)) return { error: `:ok :read needs an integer or nil, not ${quote(value)}` };
  return { result: 'ok', value: Number(value) };
}

function isSafe(text: string): boolean {
  return INTEGER.test(text) && Number.isSafeInteger(Number(text));
}
