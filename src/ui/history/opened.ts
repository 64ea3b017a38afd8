import type { HistoryEntry } from '../../engine/clients';
import { quote } from '../../engine/quote';
import type { TimeUnit } from '../../history/explain';

/** A history the user opened from a file (not the run's). */
export interface OpenedHistory {
  readonly name: string;
  readonly history: readonly HistoryEntry[];
  readonly unit: TimeUnit;
}

/** Files larger than this are refused unread: a history of 100,000 ops as Jepsen logs it is about 6 MB. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Reads a Jepsen or netsplit history file; a malformed one gives a message naming the line or field. */
export async function readHistoryFile(
  file: File,
): Promise<{ ok: true; opened: OpenedHistory } | { ok: false; message: string }> {
  const name = quote(file.name, (s) => s);
  if (file.size > MAX_FILE_BYTES)
    return { ok: false, message: `${name}: larger than 16 MB; not a history file this panel reads` };
  const { readHistoryText } = await import('../../history/readHistory');
  const read = readHistoryText(await file.text());
  if (!read.ok) {
    const more = read.errors.length > 3 ? ` (and ${read.errors.length - 3} more)` : '';
    return { ok: false, message: `${name}: ${read.errors.slice(0, 3).join('; ')}${more}` };
  }
  return {
    ok: true,
    opened: { name: file.name, history: read.history, unit: read.format === 'jepsen' ? 'line' : 'ms' },
  };
}
