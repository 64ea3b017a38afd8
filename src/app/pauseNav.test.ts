import { describe, expect, it } from 'vitest';
import type { Input } from '../engine/types';
import { goToNextPause, goToPreviousPause, pauseAt, pauseProgress } from './pauseNav';
import { presetScenario } from './scenarios';
import { Store } from './store';

const story: Input[] = [
  { at: 0, type: 'pause', text: 'first?' },
  { at: 400, type: 'caption', text: 'narration' },
  { at: 400, type: 'pause' },
  { at: 1100, type: 'pause', text: 'third?' },
];

/** Lets a sliced seek arrive, a frame at a time. */
const settle = (store: Store) => {
  for (let i = 0; i < 1000 && store.getState().seeking; i++) store.tick(16);
};

describe('pause points for a lecture', () => {
  it('shows a pause point only while the run stands still exactly at it', () => {
    expect(pauseAt(story, 0, false)).toEqual({ at: 0, text: 'first?' });
    expect(pauseAt(story, 400, false)).toEqual({ at: 400, text: '' });
    expect(pauseAt(story, 400, true)).toBeNull();
    expect(pauseAt(story, 401, false)).toBeNull();
  });

  it('counts the pause points passed', () => {
    expect(pauseProgress(story, 0)).toEqual({ passed: 1, total: 3 });
    expect(pauseProgress(story, 1099)).toEqual({ passed: 2, total: 3 });
    expect(pauseProgress([], 5)).toEqual({ passed: 0, total: 0 });
  });

  it('next plays a stopped run on; next while playing jumps to the pause point; previous goes back', () => {
    const store = new Store(presetScenario('raft/lecture'), { speed: 1 });
    // The story starts with a pause point at 0: the run stands there, stopped.
    expect(store.getState()).toMatchObject({ now: 0, playing: false });
    goToNextPause(store);
    expect(store.getState().playing).toBe(true);
    goToNextPause(store);
    settle(store);
    expect(store.getState()).toMatchObject({ now: 400, playing: false });
    // Play stops by itself at the next one, past the one it stands at.
    store.play();
    for (let i = 0; i < 100 && store.getState().playing; i++) store.tick(16);
    expect(store.getState()).toMatchObject({ now: 1100, playing: false });
    goToPreviousPause(store);
    expect(store.getState()).toMatchObject({ now: 400, playing: false });
    goToPreviousPause(store);
    expect(store.getState().now).toBe(0);
    goToPreviousPause(store);
    expect(store.getState().now).toBe(0);
  });

  it('without pause points, next while playing goes to the end and previous to the start', () => {
    const store = new Store(presetScenario('raft/first-election'), { speed: 1 });
    store.tick(16);
    goToNextPause(store);
    settle(store);
    expect(store.getState().now).toBe(store.endMs());
    goToPreviousPause(store);
    expect(store.getState().now).toBe(0);
  });
});
