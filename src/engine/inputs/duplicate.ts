import { z } from 'zod';
import { time } from './fields';
import type { InputKind } from './kind';

export interface DuplicateInput {
  readonly at: number;
  readonly type: 'duplicate';
  readonly message: number;
}

/** Delivers a message in flight a second time, with a fresh delay. */
export const duplicate: InputKind<DuplicateInput> = {
  type: 'duplicate',
  schema: z.strictObject({ at: time, type: z.literal('duplicate'), message: z.number().int().min(1) }),
  refs: () => [],
  apply(input, host) {
    if (!host.duplicateByUser(input.message)) host.skip(input, `message ${input.message} is not in flight`);
  },
  describe: (input) => `duplicate message ${input.message}`,
  row: (input) => ({ kind: 'duplicate', target: `message ${input.message}`, hasText: false }),
};
