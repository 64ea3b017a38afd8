import { z } from 'zod';
import { nodeRef, time } from './fields';
import { FAULT_GLYPH, type InputKind } from './kind';
import { arrow, endRefs, resolveEnds } from './linkEnds';

/** `cut` or `mend`: a link (one direction with `oneWay`) stops or starts carrying messages again. */
export interface LinkSwitchInput<T extends 'cut' | 'mend'> {
  readonly at: number;
  readonly type: T;
  readonly from: string;
  readonly to: string;
  readonly oneWay?: boolean;
}

/** The input kind of `cut` or of `mend`: the two are mirror images, so one definition serves both. */
export function linkSwitch<T extends 'cut' | 'mend'>(type: T): InputKind<LinkSwitchInput<T>> {
  const schema = z.strictObject({
    at: time,
    type: z.literal(type),
    from: nodeRef,
    to: nodeRef,
    oneWay: z.boolean().optional(),
  });
  return {
    type,
    schema: schema as unknown as InputKind<LinkSwitchInput<T>>['schema'],
    refs: endRefs,
    apply(input, host) {
      const ends = resolveEnds(input, host);
      if (ends === null) return;
      const [from, to] = ends;
      const oneWay = input.oneWay === true;
      host.record({ t: host.nowMs, kind: 'fault', type, from, to, ...(oneWay ? { oneWay } : {}) });
      if (type === 'cut') host.network.cut(from, to, oneWay);
      else host.network.mend(from, to, oneWay);
    },
    describe: (input) => `${type} ${arrow(input.from, input.to, input.oneWay === true, '–', false)}`,
    row: (input) => ({ kind: type, target: arrow(input.from, input.to, input.oneWay === true), hasText: false }),
    fault: {
      label: (fault) => `${type} ${arrow(fault.from, fault.to, fault.oneWay === true, '↔', false)}`,
      glyph: FAULT_GLYPH,
      effect: (fault) => ({ kind: type, from: fault.from, to: fault.to, isOneWay: fault.oneWay === true }),
    },
  };
}
