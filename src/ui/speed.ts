/** Playback speeds, as virtual ms per wall-clock ms. The default makes one election easy to follow. */
export const SPEEDS = [0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2, 5] as const;

/** Says plainly how virtual time relates to real time, so 0.05 is never misread as "fast". */
export function speedLabel(speed: number): string {
  if (Math.abs(speed - 1) < 1e-9) return 'Real time';
  if (speed < 1) return `${Math.round(1 / speed)}× slower than real time`;
  return `${Number(speed.toFixed(2))}× faster than real time`;
}

export function speedHint(speed: number): string {
  const wallSeconds = 1 / speed;
  return `1 second of simulated time takes ${wallSeconds >= 1 ? `${Number(wallSeconds.toFixed(1))} s` : `${Math.round(wallSeconds * 1000)} ms`}`;
}
