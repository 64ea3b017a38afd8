import { z } from 'zod';
import { linkFields, nodeRef, time } from './fields';
import { FAULT_GLYPH, type InputKind } from './kind';
import { endRefs, resolveEnds } from './linkEnds';
import { modelText } from './network';

export interface LinkInput {
  readonly at: number;
  readonly type: 'link';
  readonly from: string;
  readonly to: string;
  readonly latencyMs?: readonly [number, number];
  readonly loss?: number;
  readonly duplicate?: number;
}

/** Overrides the model of one link, both directions. */
export const link: InputKind<LinkInput> = {
  type: 'link',
  schema: z.strictObject({ at: time, type: z.literal('link'), from: nodeRef, to: nodeRef, ...linkFields }),
  refs: endRefs,
  apply(input, host) {
    const ends = resolveEnds(input, host);
    if (ends === null) return;
    const [from, to] = ends;
    const { at: _at, type: _type, from: _from, to: _to, ...model } = input;
    host.record({ t: host.nowMs, kind: 'fault', type: 'link', from, to, ...model });
    host.network.setLink(from, to, model);
  },
  describe: (input) => `change link ${input.from}–${input.to}`,
  row: (input) => ({
    kind: 'link',
    target: [`${input.from} – ${input.to}`, modelText(input)].filter(Boolean).join(': '),
    hasText: false,
  }),
  fault: { label: () => 'link', glyph: FAULT_GLYPH },
};
