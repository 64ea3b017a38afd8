import type { Action } from '../../engine/kit';
import { cancelTimer, reply } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import { majorityOf, sameBallot } from './ballot';
import type { Ballot, PaxosContext, Tally } from './types';

/**
 * A learner, "Paxos Made Simple" §2.3: every acceptor tells every learner each proposal it accepts, and a
 * learner has found out that a value is chosen once a majority of acceptors accepted the same proposal. The
 * proposer part of the node learns the same way: its `accepts` are the `Accepted` it heard for its ballot,
 * and once the value is chosen it stops retrying and answers every request it holds with that value.
 */
export function onAccepted(
  ctx: PaxosContext,
  from: NodeId,
  ballot: Ballot,
  value: string,
): { readonly ctx: PaxosContext; readonly actions: readonly Action[] } {
  const tallies = tally(ctx.tallies, from, ballot, value);
  const mine = tallies.find((t) => sameBallot(t.ballot, ballot)) as Tally;
  let next: PaxosContext = { ...ctx, tallies };
  const p = ctx.proposer;
  if (p !== null && sameBallot(p.ballot, ballot) && !p.accepts.includes(from)) {
    next = { ...next, proposer: { ...p, accepts: [...p.accepts, from] } };
  }
  if (ctx.chosen !== null || mine.from.length < majorityOf(ctx.nodes.length)) return { ctx: next, actions: [] };
  return learn(next, mine.value);
}

/** The node has learned `value`: its proposer (if any) is done and answers what it was asked. */
export function learn(ctx: PaxosContext, value: string): { ctx: PaxosContext; actions: Action[] } {
  const p = ctx.proposer;
  if (p === null) return { ctx: { ...ctx, chosen: value }, actions: [] };
  const answers = p.waiting.map((command) => reply(command, true, `chosen ${value}`));
  return {
    ctx: { ...ctx, chosen: value, proposer: { ...p, phase: 'done', proposing: value, waiting: [] } },
    actions: [cancelTimer('retry'), ...answers],
  };
}

function tally(tallies: readonly Tally[], from: NodeId, ballot: Ballot, value: string): readonly Tally[] {
  const at = tallies.findIndex((t) => sameBallot(t.ballot, ballot));
  if (at < 0) return [...tallies, { ballot, value, from: [from] }];
  const t = tallies[at] as Tally;
  if (t.from.includes(from)) return tallies;
  return tallies.map((x, i) => (i === at ? { ...t, from: [...t.from, from] } : x));
}
