import { z } from 'zod';
import { nodeRef, time } from './fields';
import { FAULT_GLYPH, type InputKind } from './kind';
import { arrow, endRefs, resolveEnds } from './linkEnds';

export interface MendInput {
  readonly at: number;
  readonly type: 'mend';
  readonly from: string;
  readonly to: string;
  readonly oneWay?: boolean;
}

/** Undoes `cut`: the link carries messages again (one direction with `oneWay`). */
export const mend: InputKind<MendInput> = {
  type: 'mend',
  schema: z.strictObject({
    at: time,
    type: z.literal('mend'),
    from: nodeRef,
    to: nodeRef,
    oneWay: z.boolean().optional(),
  }),
  refs: endRefs,
  apply(input, host) {
    const ends = resolveEnds(input, host);
    if (ends === null) return;
    const [from, to] = ends;
    const oneWay = input.oneWay === true;
    host.record({ t: host.nowMs, kind: 'fault', type: 'mend', from, to, ...(oneWay ? { oneWay } : {}) });
    host.network.mend(from, to, oneWay);
  },
  describe: (input) => `mend ${arrow(input.from, input.to, input.oneWay === true, '–', false)}`,
  row: (input) => ({ kind: 'mend', target: arrow(input.from, input.to, input.oneWay === true), hasText: false }),
  fault: {
    label: (fault) => `mend ${arrow(fault.from, fault.to, fault.oneWay === true, '↔', false)}`,
    glyph: FAULT_GLYPH,
    effect: (fault) => ({ kind: 'mend', from: fault.from, to: fault.to, isOneWay: fault.oneWay === true }),
  },
};
