import { useCallback, useEffect, useRef, useState } from 'react';

/** How long on-demand controls stay after the pointer last moved. */
const SHOW_FOR_MS = 2500;

/**
 * Controls that show while the pointer moves (and for a moment after), then fade so the picture is
 * calm. Keyboard focus inside them keeps them shown (CSS `:focus-within`), so they stay reachable.
 */
export function useReveal(): { isRevealed: boolean; reveal: () => void; hold: (isHeld: boolean) => void } {
  const [isRevealed, setRevealed] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const isHeld = useRef(false);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!isHeld.current) setRevealed(false);
    }, SHOW_FOR_MS);
  }, []);

  const reveal = useCallback(() => {
    setRevealed(true);
    schedule();
  }, [schedule]);

  const hold = useCallback(
    (held: boolean) => {
      isHeld.current = held;
      if (held) setRevealed(true);
      else schedule();
    },
    [schedule],
  );

  useEffect(() => {
    schedule();
    return () => clearTimeout(timer.current);
  }, [schedule]);

  return { isRevealed, reveal, hold };
}
