import type { ClockMode } from '../../app/clocks';
import { visibleWindow } from './geometry';
import { buildModel, type DiagramModel, type ModelInput } from './model';
import { buildScene, type DiagramScene } from './scene';

export const DEFAULT_WINDOW_MS = 1000;
export const DEFAULT_WIDTH = 900;
export const DEFAULT_HEIGHT = 300;

/** Everything one picture of the diagram depends on. */
export interface DiagramInput extends Omit<ModelInput, 'startMs' | 'endMs' | 'clocks'> {
  /** How much virtual time the diagram spans; `now` sits near its right edge once the run is longer. */
  readonly windowMs?: number;
  readonly width?: number;
  readonly height?: number;
  readonly clocks?: ClockMode;
  readonly highlighted?: number | null;
  /** Width of the top left corner kept free of text, for controls laid over it. */
  readonly reservedTopLeftPx?: number;
}

/** The model of the window that shows `now`. */
export function diagramModel(input: DiagramInput): DiagramModel {
  const window = visibleWindow(input.nowMs, input.windowMs ?? DEFAULT_WINDOW_MS);
  return buildModel({ ...input, ...window, clocks: input.clocks ?? 'none' });
}

/** The scene (pixels) of a model at a size. */
export function diagramScene(input: DiagramInput, model = diagramModel(input)): DiagramScene {
  return buildScene(model, {
    width: input.width ?? DEFAULT_WIDTH,
    height: input.height ?? DEFAULT_HEIGHT,
    clocks: input.clocks ?? 'none',
    highlighted: input.highlighted ?? null,
    reservedTopLeftPx: input.reservedTopLeftPx ?? 0,
  });
}
