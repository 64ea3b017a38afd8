import { quote } from '../engine/quote';
import { parseScenarioTextLoading } from '../scenario/parseLoading';
import type { ParseResult, ProtocolLoader } from '../scenario/types';

/** Scenario files are small: anything larger than this is not one. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Reads a file the user dropped or picked. Never throws; errors name the file, the field and the reason. */
export async function readScenarioFile(
  file: Pick<File, 'name' | 'size' | 'text'>,
  load: ProtocolLoader,
): Promise<ParseResult> {
  // The name leads every error, cut like any other echo of what the user gave.
  const name = quote(file.name, (shown) => shown);
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, errors: [`${name}: larger than 5 MB, so not a netsplit scenario`] };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, errors: [`${name}: could not be read`] };
  }
  const result = await parseScenarioTextLoading(text, load);
  return result.ok ? result : { ok: false, errors: result.errors.map((e) => `${name}: ${e}`) };
}

/** A file name for a download: the title in lower case with dashes, or "netsplit-scenario". */
export function fileNameFor(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'netsplit-scenario'}.json`;
}
