import { z } from 'zod';
import { nodeRef, time } from './fields';
import { FAULT_GLYPH, type InputKind } from './kind';

export interface CrashInput {
  readonly at: number;
  readonly type: 'crash';
  readonly node: string;
}

/** The node stops; volatile state is lost; messages to it are dropped on arrival (scenario.md). */
export const crash: InputKind<CrashInput> = {
  type: 'crash',
  schema: z.strictObject({ at: time, type: z.literal('crash'), node: nodeRef }),
  refs: (input) => [{ field: 'node', ref: input.node }],
  apply(input, host) {
    const node = host.resolve(input, input.node);
    if (node === null) return;
    if (!host.isUp(node)) {
      host.skip(input, `${node} is already crashed`);
      return;
    }
    host.record({ t: host.nowMs, kind: 'fault', type: 'crash', node });
    host.crash(node);
  },
  describe: (input) => `crash ${input.node}`,
  row: (input) => ({ kind: 'crash', target: input.node, hasText: false }),
  fault: {
    label: (fault) => `${fault.node} crashes`,
    glyph: FAULT_GLYPH,
    effect: (fault) => ({ kind: 'down', node: fault.node }),
  },
};
