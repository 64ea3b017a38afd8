import type { AnyProtocol } from '../engine/protocol';
import { quote } from '../engine/quote';
import { parseScenario, parseScenarioText, withoutBom } from './parse';
import { FORMAT } from './schema';
import type { ParseResult, ProtocolLoader } from './types';

/**
 * Parses a scenario whose protocol may not be loaded yet: loads the protocol it names, then parses.
 * Never throws: an unknown protocol is `protocol: unknown protocol "x"`, one whose code cannot be fetched
 * says so under `protocol` too.
 */
export async function parseScenarioLoading(value: unknown, load: ProtocolLoader): Promise<ParseResult> {
  const id = protocolIdOf(value);
  let protocol: AnyProtocol | undefined;
  if (id !== undefined) {
    try {
      protocol = await load(id);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, errors: [`protocol: ${quote(id)} could not be loaded (${reason}); try again`] };
    }
  }
  return parseScenario(value, (wanted) => (wanted === id ? protocol : undefined));
}

/** parseScenarioLoading for a file's text. */
export async function parseScenarioTextLoading(text: string, load: ProtocolLoader): Promise<ParseResult> {
  let value: unknown;
  try {
    value = JSON.parse(withoutBom(text));
  } catch {
    return parseScenarioText(text, () => undefined);
  }
  return parseScenarioLoading(value, load);
}

/** The protocol a scenario file names, if it looks like a scenario file at all. */
export function protocolIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const head = value as Record<string, unknown>;
  // Not a scenario at all: nothing worth loading, the parse says what is wrong.
  if (head.format !== FORMAT) return undefined;
  const id = head.protocol;
  return typeof id === 'string' ? id : undefined;
}
