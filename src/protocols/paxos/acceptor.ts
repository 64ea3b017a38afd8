import type { NodeId } from '../../engine/types';
import { compareBallots, sameBallot } from './ballot';
import type { Ballot, PaxosContext, PaxosMessage } from './types';

/** What one rule does: the context after it, and the messages it sends (to itself too: see rules.ts). */
export interface Outcome {
  readonly ctx: PaxosContext;
  readonly sends: readonly { readonly to: NodeId; readonly message: PaxosMessage }[];
}

export const unchanged = (ctx: PaxosContext): Outcome => ({ ctx, sends: [] });

/**
 * Phase 1(b), "Paxos Made Simple" §2.2: "If an acceptor receives a prepare request with number n greater
 * than that of any prepare request to which it has already responded, then it responds to the request with a
 * promise not to accept any more proposals numbered less than n and with the highest-numbered proposal (if
 * any) that it has accepted." The promise is written before the answer leaves (§2.5: stable storage; the
 * kit writes a plan's changes before its sends). A lower number gets a `Nack` (§2.2, the closing
 * optimization: "it should probably inform the proposer, who should then abandon its proposal"). The same
 * number again (a duplicate) was answered already and is ignored.
 */
export function onPrepare(ctx: PaxosContext, from: NodeId, ballot: Ballot): Outcome {
  const order = compareBallots(ballot, ctx.promised, ctx.nodes);
  if (order > 0) {
    return {
      ctx: { ...ctx, promised: ballot },
      sends: [{ to: from, message: { type: 'Promise', ballot, accepted: ctx.accepted } }],
    };
  }
  if (order < 0 && ctx.promised !== null) return nack(ctx, from, ballot, ctx.promised);
  return unchanged(ctx);
}

/**
 * Phase 2(b), §2.2: "If an acceptor receives an accept request for a proposal numbered n, it accepts the
 * proposal unless it has already responded to a prepare request having a number greater than n" (P1a).
 * Accepting n also promises n, as Lamport's TLA+ specification of Paxos does (Phase2b sets maxBal): the
 * acceptor then ignores lower prepare requests, which §2.2 allows ("an acceptor can ignore any request
 * without compromising safety"), and its accepted ballot never goes down. §2.3: whenever it accepts a
 * proposal it tells every learner, and every node is a learner here.
 */
export function onAccept(ctx: PaxosContext, from: NodeId, ballot: Ballot, value: string): Outcome {
  if (compareBallots(ballot, ctx.promised, ctx.nodes) < 0 && ctx.promised !== null) {
    return nack(ctx, from, ballot, ctx.promised);
  }
  if (ctx.accepted !== null && sameBallot(ctx.accepted.ballot, ballot)) return unchanged(ctx);
  return {
    ctx: { ...ctx, promised: ballot, accepted: { ballot, value } },
    sends: ctx.nodes.map((to) => ({ to, message: { type: 'Accepted', ballot, value } as const })),
  };
}

function nack(ctx: PaxosContext, to: NodeId, ballot: Ballot, promised: Ballot): Outcome {
  return { ctx, sends: [{ to, message: { type: 'Nack', ballot, promised } }] };
}
