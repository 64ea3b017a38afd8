import { z } from 'zod';
import { text, time } from './fields';
import type { InputKind } from './kind';

export interface PauseInput {
  readonly at: number;
  readonly type: 'pause';
  readonly text?: string;
  /** What the app opens while stopped here: the protocol's own panel, or the space-time diagram. */
  readonly show?: PauseShows;
}

/** What a pause point can ask the app to open beside the cluster. */
export const PAUSE_SHOWS = ['panel', 'diagram'] as const;
export type PauseShows = (typeof PAUSE_SHOWS)[number];

/** A stop point: playback in the app pauses here; no effect on the run. */
export const pause: InputKind<PauseInput> = {
  type: 'pause',
  schema: z.strictObject({
    at: time,
    type: z.literal('pause'),
    text: text.optional(),
    show: z.enum(PAUSE_SHOWS).optional(),
  }),
  refs: () => [],
  apply(input, host) {
    host.record({ t: host.nowMs, kind: 'pause', text: input.text ?? '' });
  },
  describe: () => 'pause point',
  row: () => ({ kind: 'pause', target: '', hasText: true }),
};
