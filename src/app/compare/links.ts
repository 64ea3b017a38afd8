import { compressToEncodedURIComponent } from 'lz-string';
import { quote } from '../../engine/quote';
import { MAX_TIME_MS } from '../../scenario/schema';
import type { ParseResult, ProtocolLoader, Scenario } from '../../scenario/types';
import { readSharedScenario, shareLink } from '../share';

/**
 * The address of a comparison (docs/scenario.md, "Comparing two runs"), additive to the link contract:
 * - `?preset=<id>&compare=<id>`: two shipped presets side by side;
 * - `#s=<first>&c=<second>`: two scenario files in the fragment, each compressed as `s` is; `from` and
 *   `cfrom` name the presets they started from; `t` and `speed` as for one run.
 * `?compare=` beside a `#s=` link or a restored run compares that run with the preset.
 */
export const COMPARE_PARAM = 'compare';
const PARTNER_KEY = 'c';
const PARTNER_FROM = 'cfrom';

/** The second run's source, as the address names it. */
export type PartnerSource =
  | { readonly kind: 'none' }
  | { readonly kind: 'preset'; readonly presetId: string }
  | { readonly kind: 'link'; readonly hash: string }
  | { readonly kind: 'bad'; readonly problem: string };

/** Which second run the address asks for; a bad `compare` names the field and why. The fragment's `c` wins. */
export function partnerSource(
  location: Pick<Location, 'search' | 'hash'>,
  isPreset: (id: string) => boolean,
): PartnerSource {
  if (hasSharedPartner(location.hash)) return { kind: 'link', hash: location.hash };
  const value = new URLSearchParams(location.search).get(COMPARE_PARAM);
  if (value === null) return { kind: 'none' };
  if (value.trim() === '')
    return { kind: 'bad', problem: 'compare: names no preset (use ?compare=<protocol>/<preset>); showing one run.' };
  if (!isPreset(value))
    return { kind: 'bad', problem: `compare: there is no preset ${quote(value)}; showing one run.` };
  return { kind: 'preset', presetId: value };
}

/** Whether a fragment carries a second scenario (`c=`). */
export function hasSharedPartner(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).has(PARTNER_KEY);
}

/** The second scenario of a comparison link, its protocol loaded; errors name `c` and the field. Never throws. */
export async function readSharedPartner(hash: string, load: ProtocolLoader): Promise<ParseResult> {
  const packed = new URLSearchParams(hash.replace(/^#/, '')).get(PARTNER_KEY);
  if (packed === null) return { ok: false, errors: ['c: the link carries no second scenario'] };
  const result = await readSharedScenario(`#s=${packed}`, load);
  return result.ok ? result : { ok: false, errors: result.errors.map((e) => e.replace(/^link: /, 'c (second run): ')) };
}

/** The preset the second run of a link started from (`cfrom`), when it names a shipped one. */
export function partnerPresetOf(hash: string, isPreset: (id: string) => boolean): string | null {
  const from = new URLSearchParams(hash.replace(/^#/, '')).get(PARTNER_FROM);
  return from !== null && isPreset(from) ? from : null;
}

/** One run of a comparison as a link writes it. */
export interface LinkedRun {
  readonly text: string;
  readonly presetId: string | null;
  /** True while the run is its preset exactly as it ships (no input added, nothing changed). */
  readonly isAsShipped: boolean;
}

/** The comparison from its start: `?preset=&compare=` while both are presets as shipped, else both files. */
export function comparisonStartLink(pageUrl: string, first: LinkedRun, second: LinkedRun): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  if (first.presetId && second.presetId && first.isAsShipped && second.isAsShipped) {
    url.searchParams.set('preset', first.presetId);
    url.searchParams.set(COMPARE_PARAM, second.presetId);
    return url.toString();
  }
  return withPartner(shareLink(url.toString(), first.text), first, second);
}

/** The comparison as played, standing at `nowMs`, at `speed` (null: the default). */
export function comparisonLink(
  pageUrl: string,
  first: LinkedRun,
  second: LinkedRun,
  nowMs: number,
  speed: number | null,
): string {
  const url = new URL(pageUrl);
  url.search = '';
  let link = withPartner(shareLink(url.toString(), first.text), first, second);
  if (nowMs > 0 && nowMs <= MAX_TIME_MS) link += `&t=${nowMs}`;
  if (speed !== null) link += `&speed=${speed}`;
  return link;
}

function withPartner(link: string, first: LinkedRun, second: LinkedRun): string {
  let out = `${link}&${PARTNER_KEY}=${compressToEncodedURIComponent(second.text)}`;
  if (first.presetId) out += `&from=${encodeURIComponent(first.presetId)}`;
  if (second.presetId) out += `&${PARTNER_FROM}=${encodeURIComponent(second.presetId)}`;
  return out;
}

/** A scenario and the preset it came from: one side of a comparison, ready to open. */
export interface Partner {
  readonly scenario: Scenario;
  readonly presetId: string | null;
}
