import { type HistoryRead, parseJepsen } from './jepsen';
import { parseNetsplitHistory } from './netsplitHistory';
import { parseRegisterCommand } from './register';

/** The register grammar in words, for errors. */
export const REGISTER_USAGE = 'register (read K, write K V, cas K V1 V2)';

/**
 * A history file of either kind (§1.10): JSON (netsplit's `history`, or a whole run) when it starts with `[` or
 * `{`, else a Jepsen log. For the register model, the only one a file names today.
 */
export function readHistoryText(text: string): HistoryRead {
  // A byte-order mark (editors on Windows save one) is no part of the history.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = body.trimStart()[0];
  if (first === '[' || first === '{') return parseNetsplitHistory(body, parseRegisterCommand, REGISTER_USAGE);
  const read = parseJepsen(body);
  if (read.ok && read.history.length === 0) {
    return { ok: false, errors: ['(file): no operations (neither a netsplit history nor Jepsen log lines)'] };
  }
  return read;
}
