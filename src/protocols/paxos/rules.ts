import { type Action, entropy, nothing, type Plan, send } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import { onAccept, onPrepare } from './acceptor';
import { onAccepted } from './learner';
import { onNack, onPromise, onRequest, onRetry } from './proposer';
import type { PaxosContext, PaxosEvent, PaxosMessage } from './types';

type Ctx = PaxosContext;
interface Out {
  readonly to: NodeId;
  readonly message: PaxosMessage;
}

/**
 * One event at one node, as a kit plan. A node plays proposer, acceptor and learner at once ("Paxos Made
 * Simple" §2.1: "a single process may act as more than one agent"), so a message it sends to itself is
 * handled at once, inside the same step, and never goes on the wire; all other sends do. Every change is
 * written before any message leaves (the kit's plan order), which is §2.5's "stable storage" rule.
 */
export function paxosStep(ctx: Ctx, event: PaxosEvent): Plan<Ctx> {
  const draw = entropy(event);
  switch (event.type) {
    case 'request': {
      const r = onRequest(ctx, event.command, draw);
      return settle(r.ctx, r.sends, r.actions, ctx);
    }
    case 'retry': {
      const r = onRetry(ctx, draw);
      return settle(r.ctx, r.sends, r.actions, ctx);
    }
    case 'Prepare':
    case 'Promise':
    case 'Accept':
    case 'Accepted':
    case 'Nack': {
      const r = handle(ctx, event.from, event);
      return settle(r.ctx, r.sends, r.actions, ctx);
    }
    default:
      event satisfies never;
      return nothing();
  }
}

interface Handled {
  readonly ctx: Ctx;
  readonly sends: readonly Out[];
  readonly actions: readonly Action[];
}

/** A message from `from` (another node, or this node's own proposer or acceptor) to the role it is for. */
function handle(ctx: Ctx, from: NodeId, m: PaxosMessage): Handled {
  switch (m.type) {
    case 'Prepare':
      return { ...onPrepare(ctx, from, m.ballot), actions: [] };
    case 'Accept':
      return { ...onAccept(ctx, from, m.ballot, m.value), actions: [] };
    case 'Promise':
      return onPromise(ctx, from, m.ballot, m.accepted);
    case 'Nack':
      return onNack(ctx, m.ballot, m.promised);
    case 'Accepted': {
      const r = onAccepted(ctx, from, m.ballot, m.value);
      return { ctx: r.ctx, sends: [], actions: r.actions };
    }
    default:
      m satisfies never;
      return { ctx, sends: [], actions: [] };
  }
}

/** Hands the node's messages to itself in order until none is left; the rest become sends. */
function settle(start: Ctx, first: readonly Out[], firstActions: readonly Action[], before: Ctx): Plan<Ctx> {
  let ctx = start;
  const actions: Action[] = [];
  const queue: Out[] = [];
  const route = (sends: readonly Out[], more: readonly Action[]) => {
    for (const s of sends) {
      if (s.to === ctx.id) queue.push(s);
      else actions.push(send<PaxosMessage>(s.to, s.message));
    }
    actions.push(...more);
  };
  route(first, firstActions);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const r = handle(ctx, ctx.id, next.message);
    ctx = r.ctx;
    route(r.sends, r.actions);
  }
  return { changes: ctx === before ? null : ctx, actions };
}
