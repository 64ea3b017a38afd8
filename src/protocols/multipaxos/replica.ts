import { type Action, reply } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import { compareBallots, sameBallot } from './ballot';
import { follow, serve } from './leader';
import { andThen, type Out, type Outcome, quiet } from './outcome';
import type { Ballot, MultiPaxosContext } from './types';

/** At most this many `Decision`s go to one lagging replica per heartbeat answer (a bounded catch-up). */
const CATCH_UP = 16;

/**
 * PMMC's replica on `decision (s, c)`: it records the decision, then executes decided slots in order from
 * slot_out, never past an undecided one (replica invariants R1-R4; "Paxos Made Simple" §3: a server executes
 * command i only once it has learned commands 1..i). A request this node proposed is answered when its slot
 * is executed: done if the slot holds it, refused if another leader's command took the slot (PMMC's replica
 * would propose it again).
 */
export function onDecision(ctx: MultiPaxosContext, slot: number, command: string): Outcome {
  if ((ctx.decisions[slot - 1] ?? null) !== null) return quiet(ctx);
  const decisions = [...ctx.decisions];
  while (decisions.length < slot) decisions.push(null);
  decisions[slot - 1] = command;
  const { [slot]: _gone, ...proposals } = ctx.proposals;
  const next = execute({ ...ctx, decisions, proposals, slotIn: Math.max(ctx.slotIn, slot + 1) });
  // Executing moved slot_out: the window has room for requests that waited.
  return andThen(next, (c) => serve(c));
}

/** Executes from slot_out while the next slot is decided, answering what this node proposed there. */
function execute(ctx: MultiPaxosContext): Outcome {
  let slotOut = ctx.slotOut;
  const actions: Action[] = [];
  let owed = ctx.owed;
  for (let c = ctx.decisions[slotOut - 1] ?? null; c !== null; c = ctx.decisions[slotOut - 1] ?? null) {
    const mine = owed[slotOut];
    if (mine !== undefined) {
      actions.push(
        mine === c
          ? reply(mine, true, `decided in slot ${slotOut}`)
          : reply(mine, false, `slot ${slotOut} went to ${c}`),
      );
      const { [slotOut]: _answered, ...rest } = owed;
      owed = rest;
    }
    slotOut++;
  }
  return { ctx: slotOut === ctx.slotOut ? ctx : { ...ctx, slotOut, owed }, sends: [], actions };
}

/** The slot_out a replica rebuilds on restart by executing its decisions again, in order. */
export function executedUpTo(decisions: readonly (string | null)[]): number {
  const gap = decisions.indexOf(null);
  return (gap < 0 ? decisions.length : gap) + 1;
}

/**
 * A `Heartbeat`. From a leader at or above this node's promise: it is alive, so the leader timeout restarts
 * and a lower leader or candidate here steps down; a replica that has executed less than the leader answers
 * with its own `Heartbeat` naming its slot_out. From a follower answering this leader: the leader sends it the
 * `Decision`s from that slot on (catch-up, as a lagging replica in Paxos Made Live §4 learns the slots it
 * missed from another replica). Heartbeats of a lower ballot are ignored (a stale leader learns of the new one
 * from the new leader's own heartbeat, or when its `P2a` is preempted).
 */
export function onHeartbeat(
  ctx: MultiPaxosContext,
  from: NodeId,
  ballot: Ballot,
  slotOut: number,
  draw: number,
): Outcome {
  if (ctx.role === 'leader' && sameBallot(ctx.ballot, ballot)) return catchUp(ctx, from, slotOut);
  // An answer to a heartbeat this node sent while it led, arriving after it stopped.
  if (ballot.node === ctx.id) return quiet(ctx);
  if (compareBallots(ballot, ctx.promised, ctx.nodes) < 0 && ctx.promised !== null) return quiet(ctx);
  const followed = follow(ctx, ballot, draw, ballot.node);
  if (slotOut <= followed.ctx.slotOut) return followed;
  const answer: Out = { to: from, message: { type: 'Heartbeat', ballot, slotOut: followed.ctx.slotOut } };
  return { ...followed, sends: [...followed.sends, answer] };
}

function catchUp(ctx: MultiPaxosContext, to: NodeId, from: number): Outcome {
  const sends: Out[] = [];
  for (let slot = from; slot <= ctx.decisions.length && sends.length < CATCH_UP; slot++) {
    const command = ctx.decisions[slot - 1] ?? null;
    if (command !== null) sends.push({ to, message: { type: 'Decision', slot, command } });
  }
  return { ...quiet(ctx), sends };
}
