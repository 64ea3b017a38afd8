import { z } from 'zod';
import { text, time } from './fields';
import type { InputKind } from './kind';

export interface CaptionInput {
  readonly at: number;
  readonly type: 'caption';
  readonly text: string;
}

/** Narration shown from this time on; no effect on the run. */
export const caption: InputKind<CaptionInput> = {
  type: 'caption',
  schema: z.strictObject({ at: time, type: z.literal('caption'), text }),
  refs: () => [],
  apply(input, host) {
    host.record({ t: host.nowMs, kind: 'caption', text: input.text });
  },
  describe: () => 'caption',
  row: () => ({ kind: 'caption', target: '', hasText: true }),
};
