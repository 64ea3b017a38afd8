import { z } from 'zod';
import { nodeRef, time } from './fields';
import { FAULT_GLYPH, type InputKind, upNodeOf } from './kind';

export interface TimeoutInput {
  readonly at: number;
  readonly type: 'timeout';
  readonly node: string;
}

/** Fires the node's earliest pending timer now (a protocol's timeout, such as an election timer). */
export const timeout: InputKind<TimeoutInput> = {
  type: 'timeout',
  schema: z.strictObject({ at: time, type: z.literal('timeout'), node: nodeRef }),
  refs: (input) => [{ field: 'node', ref: input.node }],
  apply(input, host) {
    const node = upNodeOf(input, host, input.node);
    if (node === null) return;
    // spec/protocols.md §1.3: a stalled node's machine is handed nothing, a forced timeout included.
    if (host.isStalled(node)) {
      host.skip(input, `${node} is stalled`);
      return;
    }
    if (!host.hasTimer(node)) {
      host.skip(input, `${node} has no timer pending`);
      return;
    }
    host.record({ t: host.nowMs, kind: 'fault', type: 'timeout', node });
    host.fireEarliestTimer(node);
  },
  describe: (input) => `timeout ${input.node}`,
  row: (input) => ({ kind: 'timeout', target: input.node, hasText: false }),
  fault: { label: (fault) => `${fault.node} times out`, glyph: FAULT_GLYPH },
};
