import { z } from 'zod';
import { time } from './fields';
import { FAULT_GLYPH, type InputKind } from './kind';

export interface HealInput {
  readonly at: number;
  readonly type: 'heal';
}

/** All partitions and cut links are removed; link models stay as they were set. */
export const heal: InputKind<HealInput> = {
  type: 'heal',
  schema: z.strictObject({ at: time, type: z.literal('heal') }),
  refs: () => [],
  apply(_input, host) {
    host.record({ t: host.nowMs, kind: 'fault', type: 'heal' });
    host.network.heal();
  },
  describe: () => 'heal',
  row: () => ({ kind: 'heal', target: 'whole network', hasText: false }),
  fault: { label: () => 'heal', glyph: FAULT_GLYPH, effect: () => ({ kind: 'heal' }) },
};
