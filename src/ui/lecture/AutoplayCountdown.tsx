import { useEffect, useState } from 'react';
import { pauseAt } from '../../app/pauseNav';
import { useStore, useStoreApi } from '../../app/useStore';

/** How long an autoplaying player waits at an opening pause point: time to read its question. */
export const AUTOPLAY_WAIT_S = 5;

/**
 * An autoplaying player (`?embed&autoplay`) whose story opens with a pause point would stop before it
 * starts. Instead it shows the question and counts down, visibly, then plays; "Play now" (or Space, once
 * the viewer has clicked into the frame) starts it at once. A countdown rather than "wait for a click":
 * in a slide deck the keyboard belongs to the deck, so a player that waited for a key would never play
 * while the lecturer clicks through the slides.
 */
export function AutoplayCountdown() {
  const store = useStoreApi();
  const playing = useStore((s) => s.playing);
  const isAtPause = useStore((s) => s.seeking === null && pauseAt(s.frame.inputs, s.now, s.playing) !== null);
  const [left, setLeft] = useState(AUTOPLAY_WAIT_S);
  const [isOver, setOver] = useState(false);
  const isWaiting = !isOver && !playing && isAtPause;

  useEffect(() => {
    // Once the run has played, by the countdown or by the viewer, the countdown's work is done.
    if (playing) setOver(true);
  }, [playing]);

  useEffect(() => {
    if (!isWaiting) return;
    if (left <= 0) {
      setOver(true);
      store.play();
      return;
    }
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [isWaiting, left, store]);

  if (!isWaiting) return null;
  return (
    <div className="autoplay-countdown" role="status">
      <span>
        Plays in <strong>{left}</strong> s
      </span>
      <button
        type="button"
        onClick={() => {
          setOver(true);
          store.play();
        }}
      >
        Play now
      </button>
    </div>
  );
}
