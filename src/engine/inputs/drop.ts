import { z } from 'zod';
import { time } from './fields';
import type { InputKind } from './kind';

export interface DropInput {
  readonly at: number;
  readonly type: 'drop';
  readonly message: number;
}

/** Loses one message in flight, by the id the trace gave it. */
export const drop: InputKind<DropInput> = {
  type: 'drop',
  schema: z.strictObject({ at: time, type: z.literal('drop'), message: z.number().int().min(1) }),
  refs: () => [],
  apply(input, host) {
    if (!host.dropByUser(input.message)) host.skip(input, `message ${input.message} is not in flight`);
  },
  describe: (input) => `drop message ${input.message}`,
  row: (input) => ({ kind: 'drop', target: `message ${input.message}`, hasText: false }),
};
