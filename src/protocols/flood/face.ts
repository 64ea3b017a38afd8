import type { Face } from '../../engine/face';
import type { FloodContext, FloodView } from './types';

/** Every node plays the same part; the headline is how many broadcasts it has delivered. */
export const floodFace: Face<FloodView, FloodContext> = {
  node: (view) => ({
    role: { word: 'node', color: '#0072b2', shape: 'circle' },
    badge: { label: 'delivered', value: view.delivered.length },
  }),
  milestones: [],
  // Nobody is special, so no selector: a file's "leader" names nobody here and the input is skipped.
  selectors: [],
  commands: { next: (n) => `m${n}`, example: 'm1', label: 'Message' },
};
