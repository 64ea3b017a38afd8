/**
 * The plots' look. Colours come from the page's palette (styles/base.css: accent, ok, danger; the diagram's
 * highlight) and a few more of the same weight, each at least 4.5:1 on white; every line also gets its own dash,
 * so colour is never the only cue (WCAG 1.4.1). The n-th node keeps the same colour and dash in every chart.
 */
export const PLOT_COLORS: readonly string[] = [
  '#1f5fbf', // --accent
  '#b3261e', // --danger
  '#17703f', // --ok
  '#8a5a00', // the diagram's highlight, darkened to read as a line on white
  '#6b3fa0',
  '#0f6f7a',
  '#1c2430', // --ink
  '#a3306b',
];

/** Dash patterns in CSS px (uPlot and SVG take the same lists); solid first. */
export const PLOT_DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [12, 4, 2, 4], [4, 4], [1, 6]];

export interface LineLook {
  readonly color: string;
  readonly dash: readonly number[];
}

/**
 * The look of the i-th line: dashes cycle, and colours step by one within a cycle and by seven across cycles
 * (7 is prime to 8), so the first 48 lines are 48 different pairs and neighbours differ in both.
 */
export function lineLook(i: number): LineLook {
  const cycle = Math.floor(i / PLOT_DASHES.length);
  const color = PLOT_COLORS[(i + cycle) % PLOT_COLORS.length] as string;
  const dash = PLOT_DASHES[i % PLOT_DASHES.length] as readonly number[];
  return { color, dash };
}

export const PLOT_FONT_PX = 13;
export const AXIS_INK = '#4b5563';
export const GRID = '#eceff3';
export const CURSOR = '#1f5fbf';
