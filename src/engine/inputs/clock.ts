import { z } from 'zod';
import { MAX_TIME_MS, nodeRef, time } from './fields';
import { FAULT_GLYPH, type InputKind } from './kind';

export interface ClockInput {
  readonly at: number;
  readonly type: 'clock';
  readonly node: string;
  readonly offsetMs?: number;
  readonly driftPpm?: number;
  readonly jumpMs?: number;
}

/** §1.2: quartz is within about ±100 ppm; up to ±100000 exaggerates for teaching. */
export const MAX_DRIFT_PPM = 100_000;

/** §1.2 bounds: an offset or a jump within ±one day, a drift within ±100000 ppm. */
export const offsetField = z
  .number()
  .finite()
  .min(-MAX_TIME_MS, `must be within ±${MAX_TIME_MS} ms`)
  .max(MAX_TIME_MS, `must be within ±${MAX_TIME_MS} ms`);
export const driftField = z
  .number()
  .finite()
  .min(-MAX_DRIFT_PPM, `must be within ±${MAX_DRIFT_PPM} ppm`)
  .max(MAX_DRIFT_PPM, `must be within ±${MAX_DRIFT_PPM} ppm`);

const signed = (n: number, unit: string) => `${n >= 0 ? '+' : ''}${n} ${unit}`;

/** `offset +50 ms, drift +200 ppm`: a clock change in words. */
export function clockText(input: { offsetMs?: number; driftPpm?: number; jumpMs?: number }): string {
  const parts: string[] = [];
  if (input.offsetMs !== undefined) parts.push(`offset ${signed(input.offsetMs, 'ms')}`);
  if (input.jumpMs !== undefined) parts.push(`jump ${signed(input.jumpMs, 'ms')}`);
  if (input.driftPpm !== undefined) parts.push(`drift ${signed(input.driftPpm, 'ppm')}`);
  return parts.join(', ');
}

/**
 * Changes a node's local clock (spec/protocols.md §1.2, §1.4; engine/clock.ts): `offsetMs` sets its offset,
 * `jumpMs` steps it (an NTP step, `date`), `driftPpm` sets its rate. The reading stays continuous otherwise.
 */
export const clock: InputKind<ClockInput> = {
  type: 'clock',
  schema: z
    .strictObject({
      at: time,
      type: z.literal('clock'),
      node: nodeRef,
      offsetMs: offsetField.optional(),
      driftPpm: driftField.optional(),
      jumpMs: offsetField.optional(),
    })
    .refine((e) => e.offsetMs !== undefined || e.driftPpm !== undefined || e.jumpMs !== undefined, {
      error: 'clock needs offsetMs, driftPpm or jumpMs',
    })
    .refine((e) => e.offsetMs === undefined || e.jumpMs === undefined, {
      error: 'clock takes offsetMs or jumpMs, not both',
    }),
  refs: (input) => [{ field: 'node', ref: input.node }],
  apply(input, host) {
    const node = host.resolve(input, input.node);
    if (node === null) return;
    const { at: _at, type: _type, node: _node, ...change } = input;
    // A crashed node's clock keeps running, so the change applies whether the node is up or not.
    host.record({ t: host.nowMs, kind: 'fault', type: 'clock', node, ...change });
    host.setClock(node, change);
  },
  describe: (input) => `clock ${input.node}: ${clockText(input)}`,
  row: (input) => ({ kind: 'clock', target: `${input.node}: ${clockText(input)}`, hasText: false }),
  fault: { label: (fault) => `${fault.node} clock ${clockText(fault)}`, glyph: FAULT_GLYPH },
};
