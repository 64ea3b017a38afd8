import { quote } from '../engine/quote';

/** The panels an embedded player can show besides the canvas. */
export const EMBED_PANELS = ['caption', 'controls', 'timeline', 'diagram', 'invariants', 'logs'] as const;
export type EmbedPanel = (typeof EMBED_PANELS)[number];

export interface EmbedOptions {
  readonly isEmbed: boolean;
  readonly autoplay: boolean;
  /** Virtual ms per wall-clock ms, or null for the default. */
  readonly speed: number | null;
  readonly panels: ReadonlySet<EmbedPanel>;
  /** Where the player starts, in virtual ms. */
  readonly startMs: number;
  /** Why a parameter was ignored, to show once. */
  readonly problems: readonly string[];
}

const DEFAULT_PANELS: readonly EmbedPanel[] = ['caption', 'controls', 'timeline'];

/**
 * Reads the player options from a page address: `?embed&autoplay&speed=0.1&panels=caption,diagram&t=2.5`.
 * `t` is in seconds of virtual time. Bad values fall back to the defaults, each with a note.
 */
export function embedOptions(search: string): EmbedOptions {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  let speed: number | null = null;
  const speedText = params.get('speed');
  if (speedText !== null) {
    const value = Number(speedText);
    if (Number.isFinite(value) && value > 0 && value <= 1000) speed = value;
    else problems.push(`speed ${quote(speedText)} is not a number between 0 and 1000; using the default`);
  }
  let panels = new Set<EmbedPanel>(DEFAULT_PANELS);
  const panelsText = params.get('panels');
  if (panelsText !== null) {
    panels = new Set();
    for (const name of panelsText
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      if ((EMBED_PANELS as readonly string[]).includes(name)) panels.add(name as EmbedPanel);
      else problems.push(`panel ${quote(name)} is not one of ${EMBED_PANELS.join(', ')}`);
    }
  }
  let startMs = 0;
  const t = params.get('t');
  if (t !== null) {
    const seconds = Number(t);
    if (Number.isFinite(seconds) && seconds >= 0 && seconds <= 86_400) startMs = Math.round(seconds * 1000);
    else problems.push(`start time ${quote(t)} is not a number of seconds; starting at 0`);
  }
  return { isEmbed: params.has('embed'), autoplay: params.has('autoplay'), speed, panels, startMs, problems };
}

/** The address of an embedded player for the page at `pageUrl` (its fragment, a shared scenario, is kept). */
export function embedUrl(
  pageUrl: string,
  options: { autoplay?: boolean; speed?: number; panels?: readonly EmbedPanel[]; startMs?: number },
): string {
  const url = new URL(pageUrl);
  const params = new URLSearchParams();
  params.set('embed', '');
  if (options.autoplay) params.set('autoplay', '');
  if (options.speed !== undefined) params.set('speed', String(options.speed));
  if (options.panels) params.set('panels', options.panels.join(','));
  if (options.startMs) params.set('t', String(options.startMs / 1000));
  // The runs it shows: a preset, and the preset beside it when comparing (`compare`, app/compare/links.ts).
  for (const [key, value] of new URL(pageUrl).searchParams)
    if (key === 'preset' || key === 'compare') params.set(key, value);
  url.search = params.toString().replace(/=(&|$)/g, '$1');
  return url.toString();
}

/** A ready iframe snippet: escaped, sized, titled, and lazy so a slide deck loads fast. */
export function embedCode(src: string, title: string, width = 800, height = 500): string {
  const attr = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<iframe src="${attr(src)}" title="${attr(title || 'netsplit')}" width="${width}" height="${height}" style="border:0" loading="lazy" allow="clipboard-write"></iframe>`;
}
