import { z } from 'zod';
import { quote } from '../quote';
import { nodeRef, time } from './fields';
import { FAULT_GLYPH, type InputKind } from './kind';

export interface ByzantineInput {
  readonly at: number;
  readonly type: 'byzantine';
  readonly node: string;
  readonly mode: string;
}

/**
 * spec/protocols.md §1.6: the node runs the protocol's Byzantine behaviour `mode` from now on, across crashes,
 * until a later event switches it. The machine is handed `{ type: "byzantine", mode }`; `silent` is carried out
 * by the engine (each send dropped, reason `silent`). It cannot send as another node: the engine stamps `from`
 * (the signatures of Castro & Liskov 1999, §2).
 */
export const byzantine: InputKind<ByzantineInput> = {
  type: 'byzantine',
  schema: z.strictObject({
    at: time,
    type: z.literal('byzantine'),
    node: nodeRef,
    mode: z.string().min(1, 'must name a Byzantine mode').max(64, 'is longer than 64 characters'),
  }),
  refs: (input) => [{ field: 'node', ref: input.node }],
  unsupported(input, protocol) {
    const modes = protocol.byzantineModes ?? [];
    if (modes.length === 0)
      return [`type: "byzantine" needs a protocol with Byzantine modes (${protocol.id} has none)`];
    if (modes.some((m) => m.id === input.mode)) return [];
    const ids = modes.map((m) => m.id).join(', ');
    return [`mode: ${quote(input.mode)} is not a Byzantine mode of ${protocol.id} (${ids})`];
  },
  apply(input, host) {
    const node = host.resolve(input, input.node);
    if (node === null) return;
    // A run built by hand (not from a parsed file) may still name a mode the protocol lacks: skipped, never run.
    if (!(host.protocol.byzantineModes ?? []).some((m) => m.id === input.mode)) {
      host.skip(input, `${quote(input.mode)} is not a Byzantine mode of ${host.protocol.id}`);
      return;
    }
    if (host.byzantineOf(node) === input.mode) {
      host.skip(input, `${node} already runs ${input.mode}`);
      return;
    }
    host.record({ t: host.nowMs, kind: 'fault', type: 'byzantine', node, mode: input.mode });
    host.setByzantine(node, input.mode);
    // A crashed node learns its mode from its start input (`input.byzantine`) when it restarts.
    if (host.isUp(node)) host.deliverTo(node, { type: 'byzantine', mode: input.mode });
  },
  describe: (input) => `${input.node} byzantine ${input.mode}`,
  row: (input) => ({ kind: 'byzantine', target: `${input.node}: ${input.mode}`, hasText: false }),
  fault: {
    label: (fault) => `${fault.node} turns Byzantine (${fault.mode})`,
    glyph: FAULT_GLYPH,
  },
};
