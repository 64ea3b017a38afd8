import { type Action, cancelTimer, nothing, type Plan, reply, send, startTimer } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import type { BullyContext, BullyEvent, BullyMessage } from './types';

type Ctx = BullyContext;

/** Priority is position in `nodes`, the last highest (spec/protocols.md `bully`; the paper's node numbers). */
export const priority = (ctx: Pick<Ctx, 'nodes'>, id: NodeId): number => ctx.nodes.indexOf(id);
const higherNodes = (ctx: Ctx) => ctx.nodes.slice(priority(ctx, ctx.id) + 1);
const lowerNodes = (ctx: Ctx) => ctx.nodes.slice(0, priority(ctx, ctx.id));
const isHolding = (ctx: Ctx) => ctx.role === 'electing' || ctx.role === 'waiting';
const toAll = (to: readonly NodeId[], message: BullyMessage): Action[] => to.map((n) => send<BullyMessage>(n, message));

/** Every election timer off: a node that stops electing, or starts again, leaves none behind. */
const quietTimers = (): Action[] => [cancelTimer('answer'), cancelTimer('coordinator'), cancelTimer('heartbeat')];

/**
 * Garcia-Molina 1982, §III, procedure Election: a node asks every node of higher priority whether it is up
 * (here `Election`) and waits T (`answerTimeoutMs`) for an `Answer`. The highest node has no one to ask and
 * wins at once. While it holds the election it names no coordinator (S(i).c is being decided).
 */
export function startElection(ctx: Ctx, more: readonly Action[] = []): Plan<Ctx> {
  const higher = higherNodes(ctx);
  if (higher.length === 0) return win(ctx, more);
  return {
    changes: { role: 'electing', coordinator: null, quietRecovery: false },
    actions: [
      ...more,
      ...quietTimers(),
      cancelTimer('failure'),
      ...toAll(higher, { type: 'Election' }),
      startTimer('answer', ctx.config.answerTimeoutMs, { type: 'answer' }),
    ],
  };
}

/**
 * §III: no higher node answered within T, so none is up: this node is the coordinator and tells every lower
 * node so (the paper's Halt and NewCoordinator; the textbooks' `Coordinator`). Then it keeps telling them it
 * is alive with a `Heartbeat` every `heartbeatMs`.
 */
function win(ctx: Ctx, more: readonly Action[] = []): Plan<Ctx> {
  return {
    changes: { role: 'coordinator', coordinator: ctx.id, quietRecovery: false },
    actions: [
      ...more,
      ...quietTimers(),
      cancelTimer('failure'),
      ...toAll(lowerNodes(ctx), { type: 'Coordinator' }),
      startTimer('heartbeat', ctx.config.heartbeatMs, { type: 'heartbeat' }),
    ],
  };
}

/** A higher node is coordinator: this one serves it and watches its heartbeats (`failureTimeoutMs`). */
function follow(ctx: Ctx, coordinator: NodeId): Plan<Ctx> {
  return {
    changes: { role: 'member', coordinator, quietRecovery: false },
    actions: [...quietTimers(), failureTimer(ctx)],
  };
}

const failureTimer = (ctx: Ctx): Action => startTimer('failure', ctx.config.failureTimeoutMs, { type: 'failure' });

/**
 * How a node comes up (machine.ts): the paper's Recovery procedure, on the first start too. Its election runs
 * as the `recovery` timer's step at the same instant, once every node of the cluster exists to be sent to.
 */
export function onStart(): Plan<Ctx> {
  return { changes: null, actions: [startTimer('recovery', 0, { type: 'recovery' })] };
}

/** The Recovery procedure itself (§III): hold an election (unless a message already started one). */
function onRecovery(ctx: Ctx): Plan<Ctx> {
  // Bug `no-election-on-recovery` breaks the spec's "a restarted node always starts an election" (the paper's
  // Recovery procedure calls Election): the node comes back as a member and takes whoever heartbeats first.
  if (ctx.isRecovery && ctx.bug === 'no-election-on-recovery') {
    return { changes: { role: 'member', coordinator: null, quietRecovery: true }, actions: [failureTimer(ctx)] };
  }
  return isHolding(ctx) ? nothing() : startElection(ctx);
}

/** One event at one node, as a kit plan. */
export function bullyStep(ctx: Ctx, event: BullyEvent): Plan<Ctx> {
  switch (event.type) {
    case 'request':
      return onRequest(ctx, event.command);
    case 'recovery':
      return onRecovery(ctx);
    case 'heartbeat':
      // The coordinator's heartbeat round (spec: `heartbeatMs`); a node that lost the office sends none.
      if (ctx.role !== 'coordinator') return nothing();
      return {
        changes: null,
        actions: [
          ...toAll(
            ctx.nodes.filter((n) => n !== ctx.id),
            { type: 'Heartbeat' },
          ),
          startTimer('heartbeat', ctx.config.heartbeatMs, { type: 'heartbeat' }),
        ],
      };
    case 'failure':
      // §III: the coordinator did not show it is alive within `failureTimeoutMs`: a crashed coordinator is
      // detected by timeout, and the node that notices holds an election.
      return ctx.role === 'member' ? startElection(ctx) : nothing();
    case 'answer':
      // No Answer within T: every higher node is down (the synchronous assumption), so this one wins.
      return ctx.role === 'electing' ? win(ctx) : nothing();
    case 'coordinator':
      // §III: a higher node answered but never announced itself (it failed in between): start again.
      return ctx.role === 'waiting' ? startElection(ctx) : nothing();
    case 'Election':
      return onElection(ctx, event.from);
    case 'Answer':
      return onAnswer(ctx, event.from);
    case 'Coordinator':
      return onCoordinator(ctx, event.from);
    case 'Heartbeat':
      return onHeartbeat(ctx, event.from);
    default:
      event satisfies never;
      return nothing();
  }
}

/** spec: `request elect` at a node makes it hold an election, as if it had noticed a failure itself. */
function onRequest(ctx: Ctx, command: string): Plan<Ctx> {
  if (command.trim() !== 'elect') return { changes: null, actions: [reply(command, false, 'the command is elect')] };
  if (isHolding(ctx)) return { changes: null, actions: [reply(command, false, `${ctx.id} is already electing`)] };
  return startElection(ctx, [reply(command, true, `${ctx.id} holds an election`)]);
}

/**
 * An `Election` from a lower node: answer it ("I am up and will take over"), then hold an election of one's
 * own unless already holding one (Coulouris et al. §15.3.2; the paper's higher node takes over the election).
 * A coordinator has already taken over: it answers and tells the asker who coordinates, which ends the
 * asker's wait sooner than a fresh election would and leaves the same coordinator.
 */
function onElection(ctx: Ctx, from: NodeId): Plan<Ctx> {
  if (priority(ctx, from) > priority(ctx, ctx.id)) return nothing();
  const answer = send<BullyMessage>(from, { type: 'Answer' });
  if (ctx.role === 'coordinator') {
    return { changes: null, actions: [answer, send<BullyMessage>(from, { type: 'Coordinator' })] };
  }
  if (isHolding(ctx)) return { changes: null, actions: [answer] };
  return startElection(ctx, [answer]);
}

/** An `Answer` from a higher node: it is up and takes over; wait `coordinatorTimeoutMs` for its `Coordinator`. */
function onAnswer(ctx: Ctx, from: NodeId): Plan<Ctx> {
  if (ctx.role !== 'electing' || priority(ctx, from) < priority(ctx, ctx.id)) return nothing();
  return {
    changes: { role: 'waiting' },
    actions: [
      cancelTimer('answer'),
      startTimer('coordinator', ctx.config.coordinatorTimeoutMs, { type: 'coordinator' }),
    ],
  };
}

/**
 * A `Coordinator` from a higher node is accepted whatever this node was doing. One from a lower node is why the
 * algorithm has its name: this node outranks the sender, so it holds an election it will win (or a higher node
 * will), "bullying" the sender out of the office. A node already electing lets its own election do that.
 */
function onCoordinator(ctx: Ctx, from: NodeId): Plan<Ctx> {
  if (priority(ctx, from) > priority(ctx, ctx.id)) return follow(ctx, from);
  return isHolding(ctx) ? nothing() : startElection(ctx);
}

/**
 * A `Heartbeat` from the coordinator shows it is alive. One from another node means two nodes claim the office
 * (a partition healed, or a slow network made an election end early): if the sender outranks the coordinator
 * this node names, it holds an election, which the highest node up wins. The paper's §III Check procedure
 * likewise calls an election on any inconsistency it finds. A heartbeat from below the named coordinator is
 * left alone: that node will hear the higher coordinator's heartbeats and do the same.
 */
function onHeartbeat(ctx: Ctx, from: NodeId): Plan<Ctx> {
  if (isHolding(ctx)) return nothing();
  if (from === ctx.coordinator) return { changes: null, actions: [failureTimer(ctx)] };
  // Bug `no-election-on-recovery`: the node that came back quietly takes the first heartbeat's sender as its
  // coordinator, even one it outranks, instead of bullying it (spec: a restarted node always starts an election).
  if (ctx.quietRecovery && ctx.coordinator === null) return follow(ctx, from);
  if (ctx.coordinator === null || priority(ctx, from) > priority(ctx, ctx.coordinator)) return startElection(ctx);
  return nothing();
}
