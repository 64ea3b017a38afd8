import type { Action } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import type { MultiPaxosContext, MultiPaxosMessage } from './types';

/** A message one role sends: to another node, or to this node's own other roles (rules.ts hands those over at once). */
export interface Out {
  readonly to: NodeId;
  readonly message: MultiPaxosMessage;
}

/** What one rule does: the context after it, its messages, and its timers and replies. */
export interface Outcome {
  readonly ctx: MultiPaxosContext;
  readonly sends: readonly Out[];
  readonly actions: readonly Action[];
}

export const quiet = (ctx: MultiPaxosContext): Outcome => ({ ctx, sends: [], actions: [] });

export const toAll = (ctx: MultiPaxosContext, message: MultiPaxosMessage): Out[] =>
  ctx.nodes.map((to) => ({ to, message }));

/** Joins two outcomes run one after the other (the second started from the first's context). */
export function andThen(first: Outcome, next: (ctx: MultiPaxosContext) => Outcome): Outcome {
  const second = next(first.ctx);
  return {
    ctx: second.ctx,
    sends: [...first.sends, ...second.sends],
    actions: [...first.actions, ...second.actions],
  };
}
