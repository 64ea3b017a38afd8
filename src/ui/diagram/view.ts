import type { ClockMode } from '../../app/clocks';

/** What the workbench's diagram shows (time span, clocks), held by its parent so it survives tab switches. */
export interface DiagramView {
  readonly windowMs: number;
  readonly clocks: ClockMode;
}

export const DEFAULT_DIAGRAM_VIEW: DiagramView = { windowMs: 500, clocks: 'none' };
