/**
 * The diagram's look, as plain values: the page and an exported image draw with the same numbers.
 * Meaning never rides on colour alone: requests are solid with a filled head, replies dashed with an
 * open head, a drop ends in a cross, a message in flight ends in a dot, a crash is hatched and says so,
 * partition sides carry letters.
 */
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const FONT_PX = {
  lane: 20,
  label: 14,
  clock: 13,
  tick: 14,
  mark: 14,
} as const;

export const COLOR = {
  background: '#ffffff',
  ink: '#1c2430',
  muted: '#4b5563',
  lane: '#9aa3af',
  grid: '#eceff3',
  message: '#24364f',
  dropped: '#b3261e',
  cursor: '#1f5fbf',
  highlight: '#f0a400',
  crashFill: '#e5e7eb',
  crashStripe: '#9ca3af',
  halo: '#ffffff',
  /** Partition sides A, B, C...: pale tints, each also named by its letter. */
  sides: ['#fdf0c4', '#d8e7fb', '#d9f0e0', '#f8dcea', '#e6defa'] as readonly string[],
} as const;

export const STROKE = {
  message: 2,
  highlighted: 4.5,
  /** The invisible width a pointer can hover to pick an arrow. */
  hit: 12,
  replyDash: '7 5',
  lane: 1.5,
  cursor: 2.5,
} as const;

export const ARROW_HEAD_PX = 10;
export const CROSS_PX = 7;
export const DOT_PX = 5;
