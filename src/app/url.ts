import { quote } from '../engine/quote';
import { LAYOUTS, type Layout } from '../engine/topology';
import { DEFAULT_PRESET, getPreset } from '../protocols';
import { DEFAULT_SPEED } from './store';

export interface StartOptions {
  readonly presetId: string;
  readonly speed: number;
  readonly playing: boolean;
  /** `?layout=grid`: a layout for the canvas instead of the protocol's hint; null for the hint. */
  readonly layout: Layout | null;
  /** Why a parameter was ignored, to show the user once. */
  readonly problems: readonly string[];
}

/** `?preset=raft/leader-crash&speed=0.1&paused` : what the page opens on. Bad values fall back, with a note. */
export function startOptions(search: string): StartOptions {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  let presetId = DEFAULT_PRESET;
  const preset = params.get('preset');
  if (preset !== null) {
    if (getPreset(preset)) presetId = preset;
    else problems.push(`There is no preset ${quote(preset)}; opened the default one.`);
  }
  let speed = DEFAULT_SPEED;
  const speedText = params.get('speed');
  if (speedText !== null) {
    const value = Number(speedText);
    if (Number.isFinite(value) && value > 0 && value <= 1000) speed = value;
    else problems.push(`Speed ${quote(speedText)} is not a number between 0 and 1000; using the default.`);
  }
  let layout: Layout | null = null;
  const layoutText = params.get('layout');
  if (layoutText !== null) {
    const known = LAYOUTS.find((l) => l === layoutText);
    if (known) layout = known;
    else problems.push(`There is no layout ${quote(layoutText)} (${LAYOUTS.join(', ')}); using the protocol's.`);
  }
  return { presetId, speed, playing: !params.has('paused'), layout, problems };
}
