import type { Input, VirtualMs } from '../engine/types';
import { nextPause, type PausePoint, pausePoints, pointOf, previousPause } from './lecture';
import type { Store } from './store';

/**
 * A lecturer's "next" and "previous" over the scenario's pause points, the way a slide deck's clicker
 * works: "next" on a stopped run plays on (the run stops by itself at the next pause point); "next"
 * while it plays skips ahead to that pause point at once (like a click that completes an animation).
 * "Previous" goes back to the pause point before now, paused there. Without pause points ahead or
 * behind, they go to the end or the start of the run.
 */
export function goToNextPause(store: Store): void {
  const { playing, seeking, frame } = store.getState();
  if (!playing && !seeking) {
    store.play();
    return;
  }
  const next = nextPause(pausePoints(frame.inputs), standingAt(store));
  store.seek(next ? next.at : store.endMs());
}

export function goToPreviousPause(store: Store): void {
  const previous = previousPause(pausePoints(store.getState().frame.inputs), standingAt(store));
  store.seek(previous ? previous.at : 0);
}

/** Where the user stands: a long seek's target while it is being computed. */
function standingAt(store: Store): VirtualMs {
  const { seeking, now } = store.getState();
  return seeking?.targetMs ?? now;
}

/** The pause point the run stands at, if it is stopped exactly there: its text is the question to show. */
export function pauseAt(inputs: readonly Input[], now: VirtualMs, isPlaying: boolean): PausePoint | null {
  if (isPlaying) return null;
  let found: PausePoint | null = null;
  for (const input of inputs) if (input.type === 'pause' && input.at === now) found = pointOf(input);
  return found;
}

/** How far through the story the run is: pause points passed (at or before now) of all of them. */
export function pauseProgress(inputs: readonly Input[], now: VirtualMs): { passed: number; total: number } {
  const points = pausePoints(inputs);
  return { passed: points.filter((p) => p.at <= now).length, total: points.length };
}
