import { type Action, cancelTimer, reply, startTimer } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import { ballotText, compareBallots, majorityOf, sameBallot } from './ballot';
import { type Out, type Outcome, quiet, toAll } from './outcome';
import { type Accepted, type Ballot, type MultiPaxosContext, NOOP, type Proposal } from './types';

/** The leader timeout, drawn from `leaderTimeoutMs` with the event's seeded entropy. */
export function leaderTimer(ctx: MultiPaxosContext, draw: number): Action {
  const [lo, hi] = ctx.config.leaderTimeoutMs;
  return startTimer('leaderTimeout', lo + (draw % (hi - lo + 1)), { type: 'leaderTimeout' });
}

const heartbeatTimer = (ctx: MultiPaxosContext): Action =>
  startTimer('heartbeat', ctx.config.heartbeatMs, { type: 'heartbeat' });

/**
 * A message of ballot `ballot` from another node's scout or leader reached this node. A leader or candidate
 * of a lower ballot is preempted (PMMC's leader on `preempted`: "active := false"); it does not scout again at
 * once, but waits, like every follower, for the leader timeout (PMMC's failure detection: wait until the
 * preempting leader fails). Requests it queued are refused; its undecided proposals are dropped (a later
 * leader re-proposes whatever a majority may have accepted). `leader` names the node now known to lead.
 */
export function follow(ctx: MultiPaxosContext, ballot: Ballot, draw: number, leader: NodeId | null): Outcome {
  const isOwn = ctx.role !== 'follower' && compareBallots(ctx.ballot, ballot, ctx.nodes) >= 0;
  if (isOwn) return quiet(ctx);
  const leaderId = leader ?? (sameBallot(ctx.promised, ballot) ? ctx.leaderId : null);
  if (ctx.role === 'follower') return { ...quiet({ ...ctx, leaderId }), actions: [leaderTimer(ctx, draw)] };
  const refused = ctx.requests.map((command) =>
    reply(command, false, `preempted by ${ballotText(ballot)}; try ${ballot.node}`),
  );
  const next: MultiPaxosContext = {
    ...ctx,
    role: 'follower',
    ballot: null,
    leaderId,
    round: Math.max(ctx.round, ballot.round),
    promises: [],
    reported: {},
    proposals: {},
    requests: [],
  };
  return { ...quiet(next), actions: [cancelTimer('heartbeat'), leaderTimer(ctx, draw), ...refused] };
}

/** `follow` for an acceptor that promised or accepted `ballot` of another node (acceptor.ts). */
export const stepDown = (ctx: MultiPaxosContext, ballot: Ballot, draw: number): Outcome =>
  follow(ctx, ballot, draw, null);

/**
 * The leader timeout: no leader was heard from, so this node spawns a scout (PMMC) with a ballot above every
 * round it led or promised, and sends `P1a` to every acceptor, itself included ("Paxos Made Simple" §3: a new
 * leader runs phase 1 for all instances at once). A candidate whose phase 1 did not finish tries again higher.
 */
export function onLeaderTimeout(ctx: MultiPaxosContext, draw: number): Outcome {
  if (ctx.role === 'leader') return quiet(ctx);
  const round = Math.max(ctx.round, ctx.promised?.round ?? 0) + 1;
  const ballot: Ballot = { round, node: ctx.id };
  const next: MultiPaxosContext = { ...ctx, round, ballot, role: 'candidate', promises: [], reported: {} };
  // Bug `skip-phase1-on-takeover` breaks §3's rule that a new leader first runs phase 1: it leads at once,
  // learns nothing of what earlier leaders got accepted, and proposes new commands into slots already chosen.
  if (ctx.bug === 'skip-phase1-on-takeover') return lead({ ...next, promised: ballot }, {});
  return { ...quiet(next), sends: toAll(next, { type: 'P1a', ballot }), actions: [leaderTimer(ctx, draw)] };
}

/** PMMC's scout on `P1b`: count it, keep the highest-ballot pvalue per slot (pmax), and adopt on a majority. */
export function onP1b(ctx: MultiPaxosContext, from: NodeId, ballot: Ballot, accepted: Accepted): Outcome {
  if (ctx.role !== 'candidate' || !sameBallot(ctx.ballot, ballot) || ctx.promises.includes(from)) return quiet(ctx);
  const reported: Record<number, Accepted[number]> = { ...ctx.reported };
  for (const [key, pv] of Object.entries(accepted)) {
    const slot = Number(key);
    const best = reported[slot];
    if (best === undefined || compareBallots(pv.ballot, best.ballot, ctx.nodes) > 0) reported[slot] = pv;
  }
  const next: MultiPaxosContext = { ...ctx, promises: [...ctx.promises, from], reported };
  if (next.promises.length < majorityOf(ctx.nodes.length)) return quiet(next);
  return lead(next, reported);
}

/**
 * Adopted (PMMC's leader on `adopted`): the node leads. "Paxos Made Simple" §3: in every slot up to the
 * highest one any acceptor of the majority reported, it proposes the command reported with the highest ballot
 * (PMMC: proposals ◁ pmax(pvals)), and fills every other undecided slot below it with `noop`, so execution is
 * never stuck at a gap. Slots this replica has decided need no proposal. Then it serves waiting requests and
 * starts its heartbeat.
 */
function lead(ctx: MultiPaxosContext, reported: Accepted): Outcome {
  let top = Math.max(ctx.slotIn - 1, ctx.decisions.length);
  for (const key of Object.keys(reported)) top = Math.max(top, Number(key));
  const ballot = ctx.ballot as Ballot;
  const proposals: Record<number, Proposal> = {};
  const sends: Out[] = [];
  for (let slot = ctx.slotOut; slot <= top; slot++) {
    if ((ctx.decisions[slot - 1] ?? null) !== null) continue;
    const pv = reported[slot];
    // Bug `no-noop-fill` breaks §3's gap rule: a slot no acceptor reported stays empty, so replicas, which
    // execute in order, stop at it for ever.
    if (pv === undefined && ctx.bug === 'no-noop-fill') continue;
    const command = pv?.command ?? NOOP;
    proposals[slot] = { command, accepts: [], isFresh: true };
    sends.push(...toAll(ctx, { type: 'P2a', ballot, slot, command }));
  }
  const next: MultiPaxosContext = {
    ...ctx,
    role: 'leader',
    leaderId: ctx.id,
    slotIn: top + 1,
    promises: [],
    reported: {},
    proposals,
  };
  const served = serve(next);
  return {
    ctx: served.ctx,
    sends: [...sends, ...served.sends, ...heartbeats(served.ctx)],
    actions: [cancelTimer('leaderTimeout'), heartbeatTimer(ctx), ...served.actions],
  };
}

const heartbeats = (ctx: MultiPaxosContext): Out[] =>
  ctx.nodes
    .filter((to) => to !== ctx.id)
    .map((to) => ({ to, message: { type: 'Heartbeat', ballot: ctx.ballot as Ballot, slotOut: ctx.slotOut } }));

/**
 * A request (spec: "the leader assigns the next free slot; others reject with a leader hint"). A stable
 * leader needs no phase 1 for it (§3): one `P2a` to every acceptor, one `P2b` back from each. PMMC's R5: it
 * proposes only while slot_in < slot_out + WINDOW; past that the request waits.
 */
export function onRequest(ctx: MultiPaxosContext, command: string): Outcome {
  if (ctx.role !== 'leader') {
    const hint =
      ctx.role === 'candidate'
        ? `${ctx.id} is running phase 1`
        : ctx.leaderId === null
          ? 'no leader known'
          : `try ${ctx.leaderId}`;
    return { ...quiet(ctx), actions: [reply(command, false, `not the leader; ${hint}`)] };
  }
  return serve({ ...ctx, requests: [...ctx.requests, command] });
}

/** Proposes waiting requests into free slots while the window allows (PMMC's replica `propose`). */
export function serve(ctx: MultiPaxosContext): Outcome {
  if (ctx.role !== 'leader' || ctx.requests.length === 0) return quiet(ctx);
  const ballot = ctx.ballot as Ballot;
  const requests = [...ctx.requests];
  const proposals = { ...ctx.proposals };
  const owed = { ...ctx.owed };
  const sends: Out[] = [];
  let slotIn = ctx.slotIn;
  while (requests.length > 0 && slotIn < ctx.slotOut + ctx.config.window) {
    if ((ctx.decisions[slotIn - 1] ?? null) === null && proposals[slotIn] === undefined) {
      const command = requests.shift() as string;
      proposals[slotIn] = { command, accepts: [], isFresh: true };
      owed[slotIn] = command;
      sends.push(...toAll(ctx, { type: 'P2a', ballot, slot: slotIn, command }));
    }
    slotIn++;
  }
  if (slotIn === ctx.slotIn) return quiet(ctx);
  return { ...quiet({ ...ctx, requests, proposals, owed, slotIn }), sends };
}

/**
 * PMMC's commander on `P2b`: once a majority of acceptors accepted the pvalue, the command is chosen in its
 * slot, and the commander sends `Decision` to every replica (itself included).
 */
export function onP2b(ctx: MultiPaxosContext, from: NodeId, ballot: Ballot, slot: number): Outcome {
  const p = ctx.proposals[slot];
  if (ctx.role !== 'leader' || !sameBallot(ctx.ballot, ballot) || p === undefined || p.accepts.includes(from)) {
    return quiet(ctx);
  }
  const accepts = [...p.accepts, from];
  if (accepts.length < majorityOf(ctx.nodes.length)) {
    return quiet({ ...ctx, proposals: { ...ctx.proposals, [slot]: { ...p, accepts } } });
  }
  const { [slot]: _decided, ...rest } = ctx.proposals;
  return { ...quiet({ ...ctx, proposals: rest }), sends: toAll(ctx, { type: 'Decision', slot, command: p.command }) };
}

/** PMMC's leader on `preempted (r, λ')`: a higher ballot exists, so it stops leading (or scouting) and follows. */
export function onPreempted(ctx: MultiPaxosContext, ballot: Ballot, promised: Ballot, draw: number): Outcome {
  if (ctx.role === 'follower' || !sameBallot(ctx.ballot, ballot)) return quiet(ctx);
  if (compareBallots(promised, ballot, ctx.nodes) <= 0) return quiet(ctx);
  return follow(ctx, promised, draw, null);
}

/**
 * The heartbeat timer: the leader tells every node it is alive, with its slot_out, and resends each
 * undecided `P2a` that has waited a whole heartbeat period to the acceptors that have not answered it
 * (messages may be lost; a commander keeps trying until a majority answers). A `P2a` sent since the last
 * tick is left alone, so a round that simply takes a while costs no second `P2a`.
 */
export function onHeartbeatTimer(ctx: MultiPaxosContext): Outcome {
  if (ctx.role !== 'leader') return quiet(ctx);
  const ballot = ctx.ballot as Ballot;
  const sends: Out[] = [];
  const proposals: Record<number, Proposal> = {};
  let isChanged = false;
  for (const [key, p] of Object.entries(ctx.proposals)) {
    const slot = Number(key);
    proposals[slot] = p.isFresh ? { ...p, isFresh: false } : p;
    isChanged ||= p.isFresh;
    if (p.isFresh) continue;
    for (const to of ctx.nodes) {
      if (!p.accepts.includes(to)) sends.push({ to, message: { type: 'P2a', ballot, slot, command: p.command } });
    }
  }
  const next = isChanged ? { ...ctx, proposals } : ctx;
  return { ctx: next, sends: [...heartbeats(next), ...sends], actions: [heartbeatTimer(ctx)] };
}
