import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { parseScenarioTextLoading } from '../scenario/parseLoading';
import { MAX_TIME_MS } from '../scenario/schema';
import type { ParseResult, ProtocolLoader } from '../scenario/types';

/** Links carry the scenario in the fragment (`#s=`), so it never reaches a server log or a length limit of a query. */
const KEY = 's';
/** A link longer than this is refused before decompressing: no real scenario comes near it. */
const MAX_LINK_CHARS = 2_000_000;

/** The share link for a scenario file: the page address with the file compressed into the fragment. */
export function shareLink(pageUrl: string, fileText: string): string {
  const url = new URL(pageUrl);
  url.hash = `${KEY}=${compressToEncodedURIComponent(fileText)}`;
  return url.toString();
}

/** Whether a fragment carries a shared scenario. */
export function hasSharedScenario(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).has(KEY);
}

/**
 * The scenario a link's fragment carries, its protocol loaded. Never throws: a damaged link gives a message that says what
 * is wrong (the link, or which field of the scenario in it, and why).
 */
export async function readSharedScenario(hash: string, load: ProtocolLoader): Promise<ParseResult> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const packed = params.get(KEY);
  if (packed === null) return { ok: false, errors: ['link: carries no scenario (no "#s=" part)'] };
  if (packed.length > MAX_LINK_CHARS) return { ok: false, errors: ['link: too long to be a netsplit scenario'] };
  let text: string | null = null;
  try {
    text = decompressFromEncodedURIComponent(packed);
  } catch {
    text = null;
  }
  if (!text) return { ok: false, errors: ['link: the scenario in it is damaged or cut off (it does not decompress)'] };
  const result = await parseScenarioTextLoading(text, load);
  return result.ok ? result : { ok: false, errors: result.errors.map((e) => `link: ${e}`) };
}

/** What a link carries besides the scenario: where to stand, how fast to play, which preset it came from. */
export interface LinkExtras {
  readonly nowMs: number;
  readonly speed: number | null;
  /** The shipped preset the run started from (so the app can say "modified preset"), when it names one. */
  readonly presetId: string | null;
}

/** Reads `t`, `speed` and `from` of a link's fragment; values that do not hold are ignored. */
export function linkExtras(hash: string, isPreset: (id: string) => boolean): LinkExtras {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const t = Number(params.get('t'));
  const speedText = params.get('speed');
  const speed = speedText === null ? Number.NaN : Number(speedText);
  const from = params.get('from');
  return {
    // Bounded like the player's `t` and the format's times: a link cannot ask for a seek of years.
    nowMs: Number.isFinite(t) && t > 0 && t <= MAX_TIME_MS ? t : 0,
    speed: Number.isFinite(speed) && speed > 0 && speed <= 1000 ? speed : null,
    presetId: from !== null && isPreset(from) ? from : null,
  };
}
