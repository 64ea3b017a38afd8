import { z } from 'zod';
import { MAX_TIME_MS, nodeRef, time } from './fields';
import { FAULT_GLYPH, type InputKind, upNodeOf } from './kind';

export interface StallInput {
  readonly at: number;
  readonly type: 'stall';
  readonly node: string;
  readonly durationMs: number;
}

/** `2.4 s` or `350 ms`: a duration as the canvas and the Script tab write it. */
export const durationText = (ms: number): string => (ms >= 1000 ? `${+(ms / 1000).toFixed(2)} s` : `${ms} ms`);

/**
 * A process pause (spec/protocols.md §1.2, §1.3): a GC pause or a VM freeze. The node stays up, but its machine
 * is handed nothing until `at + durationMs`; then it gets what it missed (engine/stall.ts).
 */
export const stall: InputKind<StallInput> = {
  type: 'stall',
  schema: z.strictObject({
    at: time,
    type: z.literal('stall'),
    node: nodeRef,
    durationMs: z.number().finite().gt(0, 'must be more than 0').max(MAX_TIME_MS, `must be at most ${MAX_TIME_MS} ms`),
  }),
  refs: (input) => [{ field: 'node', ref: input.node }],
  apply(input, host) {
    // §1.3: a crashed node is skipped.
    const node = upNodeOf(input, host, input.node);
    if (node === null) return;
    host.record({ t: host.nowMs, kind: 'fault', type: 'stall', node, durationMs: input.durationMs });
    host.stall(node, input.durationMs);
  },
  describe: (input) => `pause ${input.node} ${durationText(input.durationMs)}`,
  row: (input) => ({ kind: 'stall', target: `${input.node} for ${durationText(input.durationMs)}`, hasText: false }),
  fault: {
    label: (fault) => `${fault.node} pauses ${durationText(fault.durationMs)}`,
    glyph: FAULT_GLYPH,
  },
};
