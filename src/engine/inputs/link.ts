import { z } from 'zod';
import { linkFields, nodeRef, time } from './fields';
import { FAULT_GLYPH, type InputKind } from './kind';
import { arrow, endRefs, resolveEnds } from './linkEnds';
import { modelText } from './network';

export interface LinkInput {
  readonly at: number;
  readonly type: 'link';
  readonly from: string;
  readonly to: string;
  readonly latencyMs?: readonly [number, number];
  readonly loss?: number;
  readonly duplicate?: number;
  /** Only from `from` to `to` (asymmetric latency, which NTP cannot see: RFC 5905 §8; spec/protocols.md §1.2). */
  readonly oneWay?: true;
}

/** Overrides the model of one link, both directions, or one with `oneWay`. */
export const link: InputKind<LinkInput> = {
  type: 'link',
  schema: z.strictObject({
    at: time,
    type: z.literal('link'),
    from: nodeRef,
    to: nodeRef,
    ...linkFields,
    oneWay: z.literal(true, { error: 'must be true (or left out)' }).optional(),
  }),
  refs: endRefs,
  apply(input, host) {
    const ends = resolveEnds(input, host);
    if (ends === null) return;
    const [from, to] = ends;
    const { at: _at, type: _type, from: _from, to: _to, oneWay, ...model } = input;
    host.record({ t: host.nowMs, kind: 'fault', type: 'link', from, to, ...model, ...(oneWay ? { oneWay } : {}) });
    host.network.setLink(from, to, model, oneWay === true);
  },
  describe: (input) => `change link ${arrow(input.from, input.to, input.oneWay === true, '–', false)}`,
  row: (input) => ({
    kind: 'link',
    target: [arrow(input.from, input.to, input.oneWay === true), modelText(input)].filter(Boolean).join(': '),
    hasText: false,
  }),
  fault: { label: () => 'link', glyph: FAULT_GLYPH },
};
