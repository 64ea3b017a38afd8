import { z } from 'zod';
import { text, time } from './fields';
import type { InputKind } from './kind';

export interface PauseInput {
  readonly at: number;
  readonly type: 'pause';
  readonly text?: string;
}

/** A stop point: playback in the app pauses here; no effect on the run. */
export const pause: InputKind<PauseInput> = {
  type: 'pause',
  schema: z.strictObject({ at: time, type: z.literal('pause'), text: text.optional() }),
  refs: () => [],
  apply(input, host) {
    host.record({ t: host.nowMs, kind: 'pause', text: input.text ?? '' });
  },
  describe: () => 'pause point',
  row: () => ({ kind: 'pause', target: '', hasText: true }),
};
