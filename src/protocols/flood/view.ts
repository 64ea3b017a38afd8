import type { MessageLook } from '../../engine/protocol';
import type { Payload } from '../../engine/types';
import type { FloodContext, FloodMessage, FloodView } from './types';

/** The contract's `nodes[].state`: the ids of the broadcasts delivered, in delivery order. */
export const floodView = (ctx: FloodContext): FloodView => ({ delivered: ctx.delivered.map((b) => b.id) });

export function describeFloodMessage(payload: Payload): MessageLook {
  const m = payload as FloodMessage;
  const [first] = m.broadcasts;
  return {
    label: m.broadcasts.length === 1 && first ? `Flood ${first.id}` : `Flood ${m.broadcasts.length} broadcasts`,
    isReply: false,
  };
}
