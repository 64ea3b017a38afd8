import { type Action, dict, nothing, own, type Plan, reply, send, Wide, withEntry } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import { start, stop } from './timers';
import type { CoordinatorContext, CoordinatorTx, Decision, TwoPcEvent, TxId, Vote } from './types';

/**
 * The coordinator's rules (Gray 1978; Bernstein, Hadzilacos and Goodman, ch. 7) as pure functions of
 * (context, event) that return a plan. Two rules carry the safety of the protocol: the decision is
 * logged before anyone hears it, and it is commit only when every participant voted yes.
 */

type Ctx = CoordinatorContext;

export function coordinatorStep(ctx: Ctx, event: TwoPcEvent): Plan<Ctx> {
  switch (event.type) {
    case 'request':
      return begin(ctx, event.command);
    case 'Vote':
      return countVote(ctx, event.from, event.tx, event.vote);
    case 'Ack':
      return acknowledge(ctx, event.from, event.tx);
    case 'DecisionRequest':
      return answerInquiry(ctx, event.from, event.tx);
    case 'voteTimeout':
      return voteTimeout(ctx, event.tx);
    case 'retry':
      return retry(ctx, event.tx);
    // Participants' messages and timers: never addressed to the coordinator.
    case 'Prepare':
    case 'Commit':
    case 'Abort':
    case 'inquiry':
      return nothing();
    default:
      event satisfies never;
      return nothing();
  }
}

/**
 * On a (re)start: every logged decision is sent again, since the crash lost who acknowledged it.
 * A transaction begun but not decided is aborted: presumed abort is safe because the coordinator
 * decides commit only by logging it first, so no participant can have been told to commit.
 */
export function recoverCoordinator(ctx: Ctx): Plan<Ctx> {
  let log = ctx.log;
  let transactions = Wide.empty<CoordinatorTx>();
  const actions: Action[] = [];
  for (const [tx, record] of ctx.log) {
    const decision: Decision = record === 'begin' ? 'abort' : record;
    if (record === 'begin') {
      log = log.set(tx, 'abort');
      actions.push(reply(tx, false, `${tx} aborted: the coordinator restarted with no decision in its log`));
    }
    const t: CoordinatorTx = { state: stateOf(decision), votes: dict(), acks: [] };
    transactions = transactions.set(tx, t);
    actions.push(...announce(ctx, tx, t));
  }
  return { changes: { ...ctx, log, transactions }, actions };
}

function begin(ctx: Ctx, tx: TxId): Plan<Ctx> {
  if (tx === '') return { changes: null, actions: [reply(tx, false, 'a transaction needs an id')] };
  const known = ctx.transactions.get(tx);
  if (known) {
    const note = known.state === 'collecting' ? `${tx} is in progress` : `${tx} was already ${known.state}`;
    return { changes: null, actions: [reply(tx, known.state === 'committed', note)] };
  }
  // The begin record lets a restarted coordinator find and abort this transaction if it crashes undecided.
  const context: Ctx = {
    ...ctx,
    log: ctx.log.set(tx, 'begin'),
    transactions: ctx.transactions.set(tx, { state: 'collecting', votes: dict(), acks: [] }),
  };
  if (ctx.participants.length === 0) return decide(context, tx, 'commit', 'there are no participants');
  return {
    changes: context,
    actions: [
      ...ctx.participants.map((p) => send(p, { type: 'Prepare', tx })),
      start({ type: 'voteTimeout', tx }, ctx.config.voteTimeoutMs),
      start({ type: 'retry', tx }, ctx.config.retryMs),
    ],
  };
}

function countVote(ctx: Ctx, from: NodeId, tx: TxId, vote: Vote): Plan<Ctx> {
  const t = ctx.transactions.get(tx);
  // Never begun here, so never decided commit: presumed abort.
  if (!t) return vote === 'yes' ? { changes: null, actions: [send(from, { type: 'Abort', tx })] } : nothing();
  // A late or duplicated vote changes nothing once the decision is made; the retry timer brings it to `from`.
  if (t.state !== 'collecting' || !ctx.participants.includes(from)) return nothing();
  const votes = withEntry(t.votes, from, vote);
  const context: Ctx = { ...ctx, transactions: ctx.transactions.set(tx, { ...t, votes }) };
  if (vote === 'no') return decide(context, tx, 'abort', `${from} voted no`);
  if (ctx.participants.every((p) => own(votes, p) === 'yes')) {
    return decide(context, tx, 'commit', 'every participant voted yes');
  }
  return { changes: context, actions: [] };
}

function voteTimeout(ctx: Ctx, tx: TxId): Plan<Ctx> {
  const t = ctx.transactions.get(tx);
  if (t?.state !== 'collecting') return nothing();
  const missing = ctx.participants.filter((p) => own(t.votes, p) === undefined);
  return decide(ctx, tx, 'abort', `no vote from ${missing.join(', ')} within ${ctx.config.voteTimeoutMs} ms`);
}

/** The decision, logged before it is sent (the context is written before any message of the plan leaves). */
function decide(ctx: Ctx, tx: TxId, decision: Decision, why: string): Plan<Ctx> {
  const t = ctx.transactions.get(tx);
  if (!t) return nothing();
  // A participant that voted no has aborted already; it needs no Abort.
  const acks = ctx.participants.filter((p) => own(t.votes, p) === 'no');
  const decided: CoordinatorTx = { ...t, state: stateOf(decision), acks };
  return {
    changes: { ...ctx, log: ctx.log.set(tx, decision), transactions: ctx.transactions.set(tx, decided) },
    actions: [
      stop({ type: 'voteTimeout', tx }),
      ...announce(ctx, tx, decided),
      reply(tx, decision === 'commit', `${tx} ${decided.state}: ${why}`),
    ],
  };
}

function acknowledge(ctx: Ctx, from: NodeId, tx: TxId): Plan<Ctx> {
  const t = ctx.transactions.get(tx);
  if (!t || t.state === 'collecting' || t.acks.includes(from)) return nothing();
  const acks = [...t.acks, from];
  const context: Ctx = { ...ctx, transactions: ctx.transactions.set(tx, { ...t, acks }) };
  const isDone = ctx.participants.every((p) => acks.includes(p));
  return { changes: context, actions: isDone ? [stop({ type: 'retry', tx })] : [] };
}

/** The termination protocol: a blocked participant asks, and hears the decision once there is one. */
function answerInquiry(ctx: Ctx, from: NodeId, tx: TxId): Plan<Ctx> {
  const t = ctx.transactions.get(tx);
  if (!t) return { changes: null, actions: [send(from, { type: 'Abort', tx })] };
  if (t.state === 'collecting') return nothing();
  return { changes: null, actions: [send(from, decisionMessage(t, tx))] };
}

/** Resends what was not answered: Prepare while collecting, the decision until every participant acknowledged it. */
function retry(ctx: Ctx, tx: TxId): Plan<Ctx> {
  const t = ctx.transactions.get(tx);
  if (!t) return nothing();
  if (t.state !== 'collecting') return { changes: null, actions: announce(ctx, tx, t) };
  const silent = ctx.participants.filter((p) => own(t.votes, p) === undefined);
  return {
    changes: null,
    actions: [...silent.map((p) => send(p, { type: 'Prepare', tx })), start({ type: 'retry', tx }, ctx.config.retryMs)],
  };
}

/** Sends a decided transaction's decision to every participant that has not acknowledged it, and keeps retrying. */
function announce(ctx: Ctx, tx: TxId, t: CoordinatorTx): Action[] {
  const pending = ctx.participants.filter((p) => !t.acks.includes(p));
  if (pending.length === 0) return [stop({ type: 'retry', tx })];
  return [...pending.map((p) => send(p, decisionMessage(t, tx))), start({ type: 'retry', tx }, ctx.config.retryMs)];
}

const stateOf = (decision: Decision) => (decision === 'commit' ? 'committed' : 'aborted');

const decisionMessage = (t: CoordinatorTx, tx: TxId) =>
  t.state === 'committed' ? ({ type: 'Commit', tx } as const) : ({ type: 'Abort', tx } as const);
