import { type Action, entropy, nothing, type Plan, send } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import { onP1a, onP2a } from './acceptor';
import { onHeartbeatTimer, onLeaderTimeout, onP1b, onP2b, onPreempted, onRequest } from './leader';
import type { Out, Outcome } from './outcome';
import { onDecision, onHeartbeat } from './replica';
import type { MultiPaxosContext, MultiPaxosEvent, MultiPaxosMessage } from './types';

type Ctx = MultiPaxosContext;

/**
 * One event at one node, as a kit plan. Every node is replica, acceptor and leader at once (spec; PMMC runs
 * them as separate processes, "Paxos Made Simple" §3 lets one server play every role), so a message it sends
 * to itself (a scout's `P1a` to its own acceptor, a commander's `Decision` to its own replica) is handled at
 * once, inside the same step, and never goes on the wire. Every change is written before any message leaves
 * (the kit's plan order): the acceptor's stable storage (§2.5).
 */
export function multiPaxosStep(ctx: Ctx, event: MultiPaxosEvent): Plan<Ctx> {
  const draw = entropy(event);
  switch (event.type) {
    case 'request':
      return settle(onRequest(ctx, event.command), ctx, draw);
    case 'leaderTimeout':
      return settle(onLeaderTimeout(ctx, draw), ctx, draw);
    case 'heartbeat':
      return settle(onHeartbeatTimer(ctx), ctx, draw);
    case 'P1a':
    case 'P1b':
    case 'P2a':
    case 'P2b':
    case 'Decision':
    case 'Preempted':
    case 'Heartbeat':
      return settle(handle(ctx, event.from, event, draw), ctx, draw);
    default:
      event satisfies never;
      return nothing();
  }
}

/** A message from `from` (another node, or this node's own other role) to the role it is for. */
function handle(ctx: Ctx, from: NodeId, m: MultiPaxosMessage, draw: number): Outcome {
  switch (m.type) {
    case 'P1a':
      return onP1a(ctx, from, m.ballot, draw);
    case 'P1b':
      return onP1b(ctx, from, m.ballot, m.accepted);
    case 'P2a':
      return onP2a(ctx, from, m.ballot, m.slot, m.command, draw);
    case 'P2b':
      return onP2b(ctx, from, m.ballot, m.slot);
    case 'Decision':
      return onDecision(ctx, m.slot, m.command);
    case 'Preempted':
      return onPreempted(ctx, m.ballot, m.promised, draw);
    case 'Heartbeat':
      return onHeartbeat(ctx, from, m.ballot, m.slotOut, draw);
    default:
      m satisfies never;
      return { ctx, sends: [], actions: [] };
  }
}

/** Hands the node's messages to itself in order until none is left; the rest become sends. */
function settle(first: Outcome, before: Ctx, draw: number): Plan<Ctx> {
  let ctx = first.ctx;
  const actions: Action[] = [];
  const queue: Out[] = [];
  const route = (sends: readonly Out[], more: readonly Action[]) => {
    for (const s of sends) {
      if (s.to === ctx.id) queue.push(s);
      else actions.push(send<MultiPaxosMessage>(s.to, s.message));
    }
    actions.push(...more);
  };
  route(first.sends, first.actions);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const r = handle(ctx, ctx.id, next.message, draw);
    ctx = r.ctx;
    route(r.sends, r.actions);
  }
  return { changes: ctx === before ? null : ctx, actions };
}
