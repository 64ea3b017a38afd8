import type { PauseInput, PauseShows } from '../engine/inputs/pause';
import type { Input, VirtualMs } from '../engine/types';

/** A stop point of a prepared story: a `pause` input, with the time it stops at and its question. */
export interface PausePoint {
  readonly at: VirtualMs;
  readonly text: string;
  /** What the pause asks the app to open (the protocol's panel, the diagram), if anything. */
  readonly show?: PauseShows;
}

/** A pause input as a point of the story. */
export function pointOf(input: PauseInput): PausePoint {
  return { at: input.at, text: input.text ?? '', ...(input.show ? { show: input.show } : {}) };
}

export function pausePoints(inputs: readonly Input[]): PausePoint[] {
  const points: PausePoint[] = [];
  for (const input of inputs) if (input.type === 'pause') points.push(pointOf(input));
  return points.sort((a, b) => a.at - b.at);
}

/** The first pause point after `now` (a lecturer's "next"), if any. */
export function nextPause(points: readonly PausePoint[], now: VirtualMs): PausePoint | undefined {
  return points.find((p) => p.at > now);
}

/** The last pause point before `now` (a lecturer's "previous"); at a point, the one before it. */
export function previousPause(points: readonly PausePoint[], now: VirtualMs): PausePoint | undefined {
  let found: PausePoint | undefined;
  for (const p of points) if (p.at < now) found = p;
  return found;
}

/** The caption in force at `now`: the text of the last caption input at or before it. */
export function captionAt(inputs: readonly Input[], now: VirtualMs): string | null {
  let text: string | null = null;
  let at = -1;
  for (const input of inputs) {
    if (input.type === 'caption' && input.at <= now && input.at >= at) {
      text = input.text;
      at = input.at;
    }
  }
  return text;
}
