import { toFileText } from '../scenario/encode';
import { partnerOf } from './compare/compare';
import { comparisonStartLink } from './compare/links';
import { linkedRun } from './compare/open';
import { type EmbedOptions, embedCode, embedUrl } from './embed';
import { presetScenario } from './scenarios';
import { shareLink } from './share';
import type { Store } from './store';

/** How the page is laid out: the full workbench, presenter mode for a hall, or a compact embedded player. */
export type Layout = 'workbench' | 'presenter' | 'embed';

/** `?embed` gives the embedded player, `?present` presenter mode; otherwise the workbench. */
export function layoutFrom(search: string, embed: EmbedOptions): Layout {
  if (embed.isEmbed) return 'embed';
  return new URLSearchParams(search).has('present') ? 'presenter' : 'workbench';
}

/**
 * Where an embedded player starts and whether it plays: `t` (else a link's time), and `autoplay`.
 * Parameter notes are phrased for the viewer, the speed's only once (the workbench reads it too).
 */
export function playerStart(
  embed: EmbedOptions,
  start: { readonly nowMs: number; readonly problems: readonly string[] },
): { nowMs: number; isPlaying: boolean; problems: string[] } {
  const embedProblems = embed.problems.filter((p) => !p.startsWith('speed'));
  return {
    nowMs: embed.startMs > 0 ? embed.startMs : start.nowMs,
    isPlaying: embed.autoplay,
    problems: [...start.problems, ...embedProblems.map((p) => `Ignored: ${p}.`)],
  };
}

/**
 * Stands at `nowMs`, then plays if asked, once the (possibly sliced) seek has arrived. At 0 the store
 * was built playing or not, and has already stopped at a pause point there if the story starts with one.
 */
export function startPlayer(store: Store, nowMs: number, isPlaying: boolean): void {
  if (nowMs <= 0) return;
  store.seek(nowMs);
  if (!isPlaying) return;
  if (!store.getState().seeking) {
    store.play();
    return;
  }
  const stop = store.subscribe(() => {
    if (store.getState().seeking) return;
    stop();
    store.play();
  });
}

/**
 * A link that opens this run from its start in the full app: `?preset=` while the run is a shipped
 * preset as it ships, else the scenario itself in the fragment (the user's actions included); a
 * comparison links both of its runs.
 */
export function startLink(store: Store, pageUrl: string): string {
  // Two runs side by side: both, as `?preset=&compare=` or as two files (app/compare/links.ts).
  const side = partnerOf(store);
  if (side) return comparisonStartLink(pageUrl, linkedRun(store), linkedRun(side));
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  const { presetId } = store.getState();
  const text = store.fileText();
  if (presetId) {
    const preset = presetScenario(presetId);
    if (toFileText(preset, preset.events) === text) {
      url.searchParams.set('preset', presetId);
      return url.toString();
    }
  }
  return shareLink(url.toString(), text);
}

/** The iframe snippet for a slide: this run from its start, autoplaying at the current speed. */
export function embedSnippet(store: Store, pageUrl: string): string {
  const { speed, scenario } = store.getState();
  const src = embedUrl(startLink(store, pageUrl), { autoplay: true, speed });
  return embedCode(src, scenario.title ? `netsplit: ${scenario.title}` : 'netsplit');
}
