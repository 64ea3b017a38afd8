import type { MessageLook } from '../../engine/protocol';
import type { Payload } from '../../engine/types';
import { FORGED_BY } from './rules';
import type { FloodContext, FloodMessage, FloodView } from './types';

/**
 * The contract's `nodes[].state`: the ids of the broadcasts delivered, in delivery order, and (only once a
 * liar has been at work, so every other run's view is as it was) those whose body is a liar's forgery.
 */
export function floodView(ctx: FloodContext): FloodView {
  const delivered = ctx.delivered.map((b) => b.id);
  const forged = ctx.delivered.filter((b) => b.body.startsWith(FORGED_BY)).map((b) => `${b.id} (${b.body})`);
  return forged.length === 0 ? { delivered } : { delivered, forged };
}

export function describeFloodMessage(payload: Payload): MessageLook {
  const m = payload as FloodMessage;
  const [first] = m.broadcasts;
  return {
    label: m.broadcasts.length === 1 && first ? `Flood ${first.id}` : `Flood ${m.broadcasts.length} broadcasts`,
    isReply: false,
  };
}
