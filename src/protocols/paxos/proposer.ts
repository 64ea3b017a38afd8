import { type Action, reply, startTimer } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import { compareBallots, majorityOf, sameBallot } from './ballot';
import type { Ballot, PaxosContext, PaxosMessage, PromiseHeld, Proposal, ProposerState } from './types';

/** A proposer's step: the context after it, what it sends (to all acceptors, itself included) and its timer and replies. */
export interface ProposerOutcome {
  readonly ctx: PaxosContext;
  readonly sends: readonly { readonly to: NodeId; readonly message: PaxosMessage }[];
  readonly actions: readonly Action[];
}

const quiet = (ctx: PaxosContext): ProposerOutcome => ({ ctx, sends: [], actions: [] });

export const freshProposer = (): ProposerState => ({
  ballot: null,
  phase: 'idle',
  own: null,
  proposing: null,
  promises: [],
  accepts: [],
  waiting: [],
});

/**
 * A value to propose arrives (spec: `request`). After a choice the node answers with the chosen value at once;
 * a node that is not a proposer refuses; a proposer with a round under way keeps its value and answers this
 * request too once a value is chosen.
 */
export function onRequest(ctx: PaxosContext, command: string, entropy: number): ProposerOutcome {
  if (ctx.chosen !== null) return { ...quiet(ctx), actions: [reply(command, true, `chosen ${ctx.chosen}`)] };
  const p = ctx.proposer;
  if (p === null) return { ...quiet(ctx), actions: [reply(command, false, `${ctx.id} is not a proposer`)] };
  const waiting = [...p.waiting, command];
  if (p.own !== null) return quiet({ ...ctx, proposer: { ...p, waiting } });
  return startRound({ ...ctx, proposer: { ...p, own: command, waiting } }, entropy);
}

/** The retry timer: a round that has not ended in a choice is tried again, higher (§2.4; config `retryMs`). */
export function onRetry(ctx: PaxosContext, entropy: number): ProposerOutcome {
  const p = ctx.proposer;
  if (p === null || p.own === null || p.phase === 'done' || ctx.chosen !== null) return quiet(ctx);
  return startRound(ctx, entropy);
}

/**
 * Phase 1(a), "Paxos Made Simple" §2.2: "A proposer selects a proposal number n and sends a prepare request
 * with number n to a majority of acceptors" (here to every acceptor, so any majority of them may answer).
 * §2.5: n is above every round this proposer has tried or heard of, and the round is written to stable
 * storage before the request leaves, so it never issues the same number twice, even across a crash. Rounds
 * its own acceptor promised count as heard, so the new ballot is above them.
 */
function startRound(ctx: PaxosContext, entropy: number): ProposerOutcome {
  const p = ctx.proposer as ProposerState;
  const round = Math.max(ctx.round, ctx.promised?.round ?? 0) + 1;
  const ballot: Ballot = { round, node: ctx.id };
  return {
    ctx: {
      ...ctx,
      round,
      proposer: { ...p, ballot, phase: 'prepare', proposing: null, promises: [], accepts: [] },
    },
    sends: ctx.nodes.map((to) => ({ to, message: { type: 'Prepare', ballot } as const })),
    actions: [retryTimer(ctx, entropy)],
  };
}

/**
 * Phase 2(a), §2.2: "If the proposer receives a response to its prepare requests (numbered n) from a majority
 * of acceptors, then it sends an accept request to each of those acceptors for a proposal numbered n with a
 * value v, where v is the value of the highest-numbered proposal among the responses, or is any value if the
 * responses reported no proposals" (P2c). Sent to every acceptor: §2.2 lets the accept requests go to a set
 * other than the one that promised.
 */
export function onPromise(ctx: PaxosContext, from: NodeId, ballot: Ballot, accepted: Proposal | null): ProposerOutcome {
  const p = ctx.proposer;
  if (p === null || p.phase !== 'prepare' || !sameBallot(p.ballot, ballot)) return quiet(ctx);
  if (p.promises.some((h) => h.from === from)) return quiet(ctx);
  const promises: PromiseHeld[] = [...p.promises, { from, accepted }];
  if (promises.length < majorityOf(ctx.nodes.length)) return quiet({ ...ctx, proposer: { ...p, promises } });
  const highest = highestAccepted(promises, ctx.nodes);
  // Bug `proposer-ignores-accepted-value` breaks P2c: it proposes its own value even when a promise reported
  // an accepted proposal, so a value already chosen by a majority can be replaced by a second one.
  const value = ctx.bug === 'proposer-ignores-accepted-value' || highest === null ? (p.own as string) : highest.value;
  return {
    ctx: { ...ctx, proposer: { ...p, promises, phase: 'accept', proposing: value } },
    sends: ctx.nodes.map((to) => ({ to, message: { type: 'Accept', ballot, value } as const })),
    actions: [],
  };
}

/**
 * A refusal (§2.2: "the proposer ... should then abandon its proposal"): it goes idle and notes the higher
 * round, so its next ballot is above it (§2.5). It tries again when the retry timer, set when the round
 * began, fires: the wait is counted from the start of the round, so a refusal does not move it.
 */
export function onNack(ctx: PaxosContext, ballot: Ballot, promised: Ballot): ProposerOutcome {
  const p = ctx.proposer;
  if (p === null || (p.phase !== 'prepare' && p.phase !== 'accept') || !sameBallot(p.ballot, ballot)) {
    return quiet(ctx);
  }
  return quiet({ ...ctx, round: Math.max(ctx.round, promised.round), proposer: { ...p, phase: 'idle' } });
}

/** The promise reporting the highest-numbered accepted proposal, or null when none reported one (P2c). */
function highestAccepted(promises: readonly PromiseHeld[], nodes: readonly NodeId[]): Proposal | null {
  let best: Proposal | null = null;
  for (const h of promises) {
    if (h.accepted !== null && (best === null || compareBallots(h.accepted.ballot, best.ballot, nodes) > 0)) {
      best = h.accepted;
    }
  }
  return best;
}

/**
 * The wait before the next round: drawn from `retryMs` with the node's seeded entropy, or always its minimum
 * with `randomRetry` off, which lets two proposers pre-empt each other forever (§2.4).
 */
function retryTimer(ctx: PaxosContext, entropy: number): Action {
  const [lo, hi] = ctx.config.retryMs;
  const delayMs = ctx.config.randomRetry ? lo + (entropy % (hi - lo + 1)) : lo;
  return startTimer('retry', delayMs, { type: 'retry' });
}
