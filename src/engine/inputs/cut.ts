import { z } from 'zod';
import { nodeRef, time } from './fields';
import { FAULT_GLYPH, type InputKind } from './kind';
import { arrow, endRefs, resolveEnds } from './linkEnds';

export interface CutInput {
  readonly at: number;
  readonly type: 'cut';
  readonly from: string;
  readonly to: string;
  readonly oneWay?: boolean;
}

/** One link stops carrying messages, both directions unless `oneWay`. */
export const cut: InputKind<CutInput> = {
  type: 'cut',
  schema: z.strictObject({
    at: time,
    type: z.literal('cut'),
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
    host.record({ t: host.nowMs, kind: 'fault', type: 'cut', from, to, ...(oneWay ? { oneWay } : {}) });
    host.network.cut(from, to, oneWay);
  },
  describe: (input) => `cut ${arrow(input.from, input.to, input.oneWay === true, '–', false)}`,
  row: (input) => ({ kind: 'cut', target: arrow(input.from, input.to, input.oneWay === true), hasText: false }),
  fault: {
    label: (fault) => `cut ${arrow(fault.from, fault.to, fault.oneWay === true, '↔', false)}`,
    glyph: FAULT_GLYPH,
    effect: (fault) => ({ kind: 'cut', from: fault.from, to: fault.to, isOneWay: fault.oneWay === true }),
  },
};
