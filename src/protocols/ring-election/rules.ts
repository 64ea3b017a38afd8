import { type Action, nothing, type Plan, reply, send } from '../../engine/kit';
import type { RingContext, RingEvent, RingMessage } from './types';

type Ctx = RingContext;

const toNext = (ctx: Ctx, message: RingMessage): Action => send<RingMessage>(ctx.next, message);

/**
 * One event at one process, as a kit plan. Citations: Chang & Roberts, CACM 22(5), 1979 (the algorithm and
 * its message counts), with the participant marks of the usual textbook statement of it (Coulouris et al.,
 * "Distributed Systems: Concepts and Design", the ring-based election algorithm), which spec/protocols.md
 * follows.
 */
export function ringStep(ctx: Ctx, event: RingEvent): Plan<Ctx> {
  switch (event.type) {
    case 'initiate':
      return initiate(ctx);
    case 'request':
      if (event.command.trim() !== 'elect') {
        return { changes: null, actions: [reply(event.command, false, 'not an operation of ring-election (elect)')] };
      }
      return withReply(initiate(ctx), event.command, `Election(${ctx.uid}) sent to ${ctx.next}`);
    case 'Election':
      return onElection(ctx, event.uid);
    case 'Elected':
      return onElected(ctx, event.uid);
    default:
      event satisfies never;
      return nothing();
  }
}

/**
 * A process that starts an election (every one at time 0, or one that notices there is no leader) marks
 * itself a participant and sends its own uid to the next process. It no longer trusts any leader it knew.
 */
function initiate(ctx: Ctx): Plan<Ctx> {
  return {
    changes: { participant: true, leader: null, isLeader: false },
    actions: [toNext(ctx, { type: 'Election', uid: ctx.uid })],
  };
}

function withReply(plan: Plan<Ctx>, command: string, note: string): Plan<Ctx> {
  return { changes: plan.changes, actions: [...plan.actions, reply(command, true, note)] };
}

function onElection(ctx: Ctx, uid: number): Plan<Ctx> {
  // Chang & Roberts: a number larger than one's own is passed on; passing it on makes one a participant.
  if (uid > ctx.uid) return { changes: { participant: true }, actions: [toNext(ctx, { type: 'Election', uid })] };
  // One's own number came all the way round: no process on the ring has a larger one. It is the leader,
  // and announces it with `Elected`, marking itself a non-participant again.
  if (uid === ctx.uid) {
    return {
      changes: { participant: false, leader: ctx.uid, isLeader: true },
      actions: [toNext(ctx, { type: 'Elected', uid: ctx.uid })],
    };
  }
  // Bug `forward-smaller`: the smaller number is passed on as well, against the paper's "selective message
  // extinction" (LeLann's 1977 algorithm, without its collecting of numbers): every uid comes home and every
  // process believes it is the largest. A process not yet in the election still enters its own.
  if (ctx.bug === 'forward-smaller') {
    const passOn = toNext(ctx, { type: 'Election', uid });
    if (ctx.participant) return { changes: null, actions: [passOn] };
    return { changes: { participant: true }, actions: [passOn, toNext(ctx, { type: 'Election', uid: ctx.uid })] };
  }
  // A smaller number dies here. A participant has already sent a number at least as large as its own, so it
  // swallows this one; a process not yet in the election replaces it with its own uid.
  if (ctx.participant) return nothing();
  return initiate(ctx);
}

function onElected(ctx: Ctx, uid: number): Plan<Ctx> {
  // The announcement went once round the ring and is back at the leader: the election is over.
  if (uid === ctx.uid) return { changes: { participant: false }, actions: [] };
  // Every other process records the leader, is a non-participant again, and passes the announcement on.
  return { changes: { participant: false, leader: uid }, actions: [toNext(ctx, { type: 'Elected', uid })] };
}
