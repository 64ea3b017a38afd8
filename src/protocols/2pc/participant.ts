import { type Action, nothing, type Plan, reply, send } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import { votesNo } from './config';
import { start, stop } from './timers';
import type { Decision, ParticipantContext, ParticipantTx, TwoPcEvent, TxId } from './types';

/**
 * A participant's rules (a resource manager in Gray and Lamport's terms) as pure functions of
 * (context, event) that return a plan. The rule that makes 2PC block: once a participant votes yes it
 * is prepared, and from then on only the coordinator's decision may end the transaction there.
 */

type Ctx = ParticipantContext;

export function participantStep(ctx: Ctx, event: TwoPcEvent): Plan<Ctx> {
  switch (event.type) {
    case 'Prepare':
      return vote(ctx, event.from, event.tx);
    case 'Commit':
      return learn(ctx, event.from, event.tx, 'commit');
    case 'Abort':
      return learn(ctx, event.from, event.tx, 'abort');
    case 'inquiry':
      return inquire(ctx, event.tx);
    case 'request':
      return {
        changes: null,
        actions: [reply(event.command, false, `not the coordinator; send it to ${ctx.coordinator}`)],
      };
    // The coordinator's messages and timers: never addressed to a participant.
    case 'Vote':
    case 'Ack':
    case 'DecisionRequest':
    case 'voteTimeout':
    case 'retry':
      return nothing();
    default:
      event satisfies never;
      return nothing();
  }
}

/** On a restart, a participant that is still prepared asks the coordinator for the decision at once. */
export function recoverParticipant(ctx: Ctx): Plan<Ctx> {
  const actions: Action[] = [];
  for (const [tx, t] of ctx.transactions) {
    if (t.state !== 'prepared') continue;
    actions.push(
      send(ctx.coordinator, { type: 'DecisionRequest', tx }),
      start({ type: 'inquiry', tx }, ctx.config.retryMs),
    );
  }
  return { changes: null, actions };
}

function vote(ctx: Ctx, from: NodeId, tx: TxId): Plan<Ctx> {
  const t = ctx.transactions.get(tx);
  if (t && t.state !== 'working') {
    // A repeated Prepare gets the same answer: a vote, once given, is never changed.
    const again = t.vote ?? (t.state === 'aborted' ? 'no' : 'yes');
    return { changes: null, actions: [send(from, { type: 'Vote', tx, vote: again })] };
  }
  if (votesNo(ctx.config, ctx.id, tx)) {
    // Not yet prepared, so it may abort alone: nobody can commit without its yes.
    return {
      changes: withTx(ctx, tx, { state: 'aborted', vote: 'no' }),
      actions: [send(from, { type: 'Vote', tx, vote: 'no' })],
    };
  }
  // Voting yes is a promise to commit if told to: the prepared state is logged before the vote leaves,
  // and the locks stay held until the decision arrives.
  return {
    changes: withTx(ctx, tx, { state: 'prepared', vote: 'yes' }),
    actions: [send(from, { type: 'Vote', tx, vote: 'yes' }), start({ type: 'inquiry', tx }, ctx.config.voteTimeoutMs)],
  };
}

/** The coordinator's decision: recorded once (a decision never changes), acknowledged every time. */
function learn(ctx: Ctx, from: NodeId, tx: TxId, decision: Decision): Plan<Ctx> {
  const t = ctx.transactions.get(tx);
  const ack = send(from, { type: 'Ack', tx });
  if (t?.state === 'committed' || t?.state === 'aborted') return { changes: null, actions: [ack] };
  const outcome: ParticipantTx = { state: decision === 'commit' ? 'committed' : 'aborted', vote: t?.vote ?? null };
  return { changes: withTx(ctx, tx, outcome), actions: [stop({ type: 'inquiry', tx }), ack] };
}

/** The decision is late: ask the coordinator, and keep asking; a prepared participant may not guess. */
function inquire(ctx: Ctx, tx: TxId): Plan<Ctx> {
  if (ctx.transactions.get(tx)?.state !== 'prepared') return nothing();
  if (ctx.bug === 'participant-decides-alone') {
    // Bug `participant-decides-alone`: gives up and aborts alone, though its yes vote may already have let
    // the coordinator commit. It breaks the promise a yes vote makes, and with it atomicity.
    return { changes: withTx(ctx, tx, { state: 'aborted', vote: 'yes' }), actions: [] };
  }
  return {
    changes: null,
    actions: [
      send(ctx.coordinator, { type: 'DecisionRequest', tx }),
      start({ type: 'inquiry', tx }, ctx.config.retryMs),
    ],
  };
}

const withTx = (ctx: Ctx, tx: TxId, t: ParticipantTx): Ctx => ({
  ...ctx,
  transactions: ctx.transactions.set(tx, t),
});
