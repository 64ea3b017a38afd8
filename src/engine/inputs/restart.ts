import { z } from 'zod';
import { nodeRef, time } from './fields';
import { FAULT_GLYPH, type InputKind } from './kind';

export interface RestartInput {
  readonly at: number;
  readonly type: 'restart';
  readonly node: string;
}

/** A crashed node starts again from its persistent state only. */
export const restart: InputKind<RestartInput> = {
  type: 'restart',
  schema: z.strictObject({ at: time, type: z.literal('restart'), node: nodeRef }),
  refs: (input) => [{ field: 'node', ref: input.node }],
  apply(input, host) {
    const node = host.resolve(input, input.node);
    if (node === null) return;
    if (host.isUp(node)) {
      host.skip(input, `${node} is not crashed`);
      return;
    }
    host.record({ t: host.nowMs, kind: 'fault', type: 'restart', node });
    host.restart(node);
  },
  describe: (input) => `restart ${input.node}`,
  row: (input) => ({ kind: 'restart', target: input.node, hasText: false }),
  fault: {
    label: (fault) => `${fault.node} restarts`,
    glyph: FAULT_GLYPH,
    effect: (fault) => ({ kind: 'up', node: fault.node }),
  },
};
