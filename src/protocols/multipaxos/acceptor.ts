import type { NodeId } from '../../engine/types';
import { compareBallots } from './ballot';
import { follow, stepDown } from './leader';
import { andThen, type Outcome, quiet } from './outcome';
import type { Ballot, MultiPaxosContext } from './types';

/**
 * PMMC's acceptor, on `P1a`: "if b > ballot_num then ballot_num := b" and answer `P1b` with its ballot and
 * every pvalue it accepted. One phase 1 covers every slot ("Paxos Made Simple" §3: the leader runs phase 1
 * for infinitely many instances at once), so a `P1b` carries the accepted pvalue of every slot. The promise is
 * written before the answer leaves (§2.5; the kit writes a plan's changes before its sends). A ballot below
 * the promise is answered `Preempted` with the promise (spec: "a higher promise answers Preempted"; PMMC's
 * scout is preempted when a `p1b` names a higher ballot). Promising a new ballot gives its candidate time to
 * finish: the leader timeout restarts, and a leader or candidate of a lower ballot stops (it is preempted).
 */
export function onP1a(ctx: MultiPaxosContext, from: NodeId, ballot: Ballot, draw: number): Outcome {
  const order = compareBallots(ballot, ctx.promised, ctx.nodes);
  if (order < 0 && ctx.promised !== null) {
    return { ...quiet(ctx), sends: [{ to: from, message: { type: 'Preempted', ballot, promised: ctx.promised } }] };
  }
  const promised: MultiPaxosContext = order > 0 ? { ...ctx, promised: ballot, leaderId: null } : ctx;
  const base = order > 0 && from !== ctx.id ? stepDown(promised, ballot, draw) : quiet(promised);
  return andThen(base, (c) => ({
    ...quiet(c),
    sends: [{ to: from, message: { type: 'P1b', ballot, accepted: c.accepted } }],
  }));
}

/**
 * PMMC's acceptor, on `P2a (b, s, c)`: "if b >= ballot_num then ballot_num := b; accepted := accepted ∪
 * {(b, s, c)}" and answer `P2b` (Paxos Made Simple §2.2, P1a: accept unless promised higher). Only the highest
 * ballot per slot is kept: pmax never needs the others. A lower ballot is answered `Preempted`. A `P2a` is the
 * leader at work, so it counts as a heartbeat too.
 */
export function onP2a(
  ctx: MultiPaxosContext,
  from: NodeId,
  ballot: Ballot,
  slot: number,
  command: string,
  draw: number,
): Outcome {
  if (compareBallots(ballot, ctx.promised, ctx.nodes) < 0 && ctx.promised !== null) {
    return { ...quiet(ctx), sends: [{ to: from, message: { type: 'Preempted', ballot, promised: ctx.promised } }] };
  }
  const old = ctx.accepted[slot];
  const same = old !== undefined && compareBallots(old.ballot, ballot, ctx.nodes) === 0 && old.command === command;
  const accepted = same ? ctx.accepted : { ...ctx.accepted, [slot]: { ballot, command } };
  const next: MultiPaxosContext = { ...ctx, promised: ballot, accepted };
  const base = from === ctx.id ? quiet(next) : follow(next, ballot, draw, ballot.node);
  return andThen(base, (c) => ({ ...quiet(c), sends: [{ to: from, message: { type: 'P2b', ballot, slot } }] }));
}
