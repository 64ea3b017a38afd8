import { z } from 'zod';
import type { LinkModel } from '../basics';
import { linkFields, time } from './fields';
import { FAULT_GLYPH, type InputKind } from './kind';

export interface NetworkInput {
  readonly at: number;
  readonly type: 'network';
  readonly latencyMs?: readonly [number, number];
  readonly loss?: number;
  readonly duplicate?: number;
}

const range = (r: readonly [number, number] | undefined) => (r ? `${r[0]}–${r[1]} ms` : undefined);

/** A link model change in words: `latency 10–30 ms, loss 0.1`. */
export function modelText(model: Partial<LinkModel>): string {
  const parts = [
    range(model.latencyMs) && `latency ${range(model.latencyMs)}`,
    model.loss !== undefined && `loss ${model.loss}`,
    model.duplicate !== undefined && `duplicate ${model.duplicate}`,
  ].filter(Boolean);
  return parts.join(', ');
}

/** Changes the default link model. */
export const network: InputKind<NetworkInput> = {
  type: 'network',
  schema: z.strictObject({ at: time, type: z.literal('network'), ...linkFields }),
  refs: () => [],
  apply(input, host) {
    const { at: _at, type: _type, ...model } = input;
    host.record({ t: host.nowMs, kind: 'fault', type: 'network', ...model });
    host.network.setModel(model);
  },
  describe: () => 'change the network',
  row: (input) => ({ kind: 'network', target: modelText(input) || 'whole network', hasText: false }),
  fault: { label: () => 'network', glyph: FAULT_GLYPH },
};
