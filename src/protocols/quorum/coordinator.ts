import {
  type Action,
  cancelTimer,
  localAt,
  nothing,
  own,
  type Plan,
  send,
  startTimer,
  withEntry,
} from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import { preferenceOf, walkOf } from './placement';
import { byArrival, localOf, stored } from './replica';
import type { Coordination, QuorumMessage, ServerContext, ServerEvent, StoredObject } from './types';
import { isSame, reconcile, vvWrite } from './versions';

/**
 * The coordinator's rules (Dynamo §4.5): the node a client contacts sends the request to the key's
 * preference list, answers the client once `r` replies (a read) or `w` acknowledgements (a write) are in,
 * itself included when it is a replica, and with a sloppy quorum turns to the next nodes of the walk, with
 * hints, for the replicas that did not answer in `requestTimeoutMs` (§4.6). After a read it repairs the
 * replicas that answered with stale versions (§5).
 */
type Ctx = ServerContext;
type Msg<T extends QuorumMessage['type']> = Extract<QuorumMessage, { type: T }> & {
  readonly from: NodeId;
  readonly at: number;
  readonly localAt: number;
};

const TIMER = 'requestTimeout';
const idOf = (client: NodeId, op: number) => `${client}.${op}`;
const timeoutEvent = (id: string) => ({ type: TIMER, id });

function replace(ctx: Ctx, c: Coordination | null, id: string): Coordination[] {
  const rest = ctx.coordinating.filter((x) => x.id !== id);
  return c === null ? rest : [...rest, c];
}

/** A client's Get or Put reaching this node: coordinate it (or, for a `vv` write off its key's list, forward it). */
export function onClientRequest(ctx: Ctx, m: Msg<'Get'> | Msg<'Put'>): Plan<Ctx> {
  const id = idOf(m.client, m.op);
  // A copy the network duplicated: the operation is already being coordinated here.
  if (ctx.coordinating.some((c) => c.id === id)) return nothing();
  const { n } = ctx.config;
  const preference = preferenceOf(ctx.ring, m.key, n);
  const isMine = preference.includes(ctx.id);
  if (m.type === 'Put' && ctx.config.conflicts === 'vv' && !isMine) {
    // §4.5: "the node that receives the request will not coordinate it if the node is not in the top N of the
    // requested key's preference list. Instead, that node will forward the request to the first among the top N".
    return { changes: null, actions: [send(preference[0] as NodeId, m)] };
  }
  const base = {
    id,
    client: m.client,
    op: m.op,
    key: m.key,
    preference,
    asked: preference,
    standIns: {},
    isDone: false,
  };
  let store = ctx.store;
  let c: Coordination;
  if (m.type === 'Get') {
    // The coordinator reads its own replica as one of the r answers.
    const replies = isMine ? { [ctx.id]: localOf(ctx, m.key) } : {};
    c = {
      ...base,
      kind: 'read',
      need: ctx.config.r,
      answered: isMine ? [ctx.id] : [],
      object: null,
      written: null,
      replies,
    };
  } else {
    const value = m.value ?? 0;
    const held = own(ctx.store, m.key) ?? null;
    // §4.4 (vv): a new version from the client's context, counted at this coordinator; Cassandra (lww): this
    // node's clock reading and id.
    const written: StoredObject =
      ctx.config.conflicts === 'vv'
        ? vvWrite(held, ctx.id, value, m.context ?? {})
        : { kind: 'lww', value, ts: [localAt(m), ctx.id] };
    if (isMine) store = stored(ctx, m.key, written);
    const object = isMine ? (own(store, m.key) as StoredObject) : written;
    // The version the client wrote: its own sibling alone (the others in `object` are what it did not read).
    const mine: StoredObject = written.kind === 'vv' ? { kind: 'vv', siblings: freshest(written, ctx.id) } : written;
    c = {
      ...base,
      kind: 'write',
      need: ctx.config.w,
      answered: isMine ? [ctx.id] : [],
      object,
      written: mine,
      replies: {},
    };
  }
  const asks = preference.filter((p) => p !== ctx.id).map((p) => send(p, requestTo(c, ctx.id)));
  const timer = startTimer(TIMER, ctx.config.requestTimeoutMs, timeoutEvent(id), id);
  const next = progress({ ...ctx, store }, c);
  return {
    changes: { store, coordinating: replace(ctx, next.c, id) },
    actions: [...asks, timer, ...next.actions],
  };
}

/** The sibling `node` wrote last: the one with its highest dot. */
function freshest(o: Extract<StoredObject, { kind: 'vv' }>, node: NodeId) {
  const own = o.siblings.filter((s) => s.dot[0] === node);
  return own.sort((a, b) => b.dot[1] - a.dot[1]).slice(0, 1);
}

/** The Get or Put a coordinator sends a replica (or, with `hint`, a stand-in). */
function requestTo(c: Coordination, self: NodeId, hint?: NodeId): QuorumMessage {
  const common = { key: c.key, op: c.op, client: c.client, coordinator: self };
  if (c.kind === 'read') return { type: 'Get', ...common };
  return { type: 'Put', ...common, object: c.object as StoredObject, ...(hint === undefined ? {} : { hint }) };
}

/** The answers so far, reconciled: what a read returns (§4.5: "all the versions it deems causally unrelated"). */
function mergedReplies(ctx: Ctx, c: Coordination): StoredObject | null {
  let merged: StoredObject | null = null;
  for (const node of c.answered) {
    const o = own(c.replies, node) ?? null;
    if (o !== null) merged = reconcile(merged, o, byArrival(ctx));
  }
  return merged;
}

/**
 * Answers the client once enough replies are in; ends the coordination once every node asked has answered.
 * The `ack-before-w` bug answers a write after the first acknowledgement, against §4.5 ("If at least W-1 nodes
 * respond, then the write is considered successful").
 */
function progress(ctx: Ctx, c: Coordination): { c: Coordination | null; actions: Action[] } {
  const actions: Action[] = [];
  let next = c;
  const need = c.kind === 'write' && ctx.bug === 'ack-before-w' ? 1 : c.need;
  if (!c.isDone && c.answered.length >= need) {
    const reply: QuorumMessage =
      c.kind === 'read'
        ? { type: 'GetOk', key: c.key, op: c.op, client: c.client, object: mergedReplies(ctx, c) }
        : { type: 'PutOk', key: c.key, op: c.op, client: c.client, object: c.written as StoredObject };
    actions.push(send(c.client, reply));
    next = { ...c, isDone: true };
  }
  if (next.isDone && next.asked.every((a) => next.answered.includes(a))) {
    return { c: null, actions: [...actions, ...finish(ctx, next)] };
  }
  return { c: next, actions };
}

/** The end of a coordination: stop its timer and, after a read, repair the stale replicas that answered (§5). */
function finish(ctx: Ctx, c: Coordination): Action[] {
  const actions: Action[] = [cancelTimer(TIMER, c.id)];
  if (c.kind !== 'read' || !ctx.config.readRepair) return actions;
  const merged = mergedReplies(ctx, c);
  if (merged === null) return actions;
  for (const node of c.answered) {
    if (node === ctx.id || !c.preference.includes(node)) continue;
    if (!isSame(own(c.replies, node) ?? null, merged)) {
      actions.push(send(node, { type: 'ReadRepair', key: c.key, object: merged }));
    }
  }
  return actions;
}

/** A replica's GetOk or PutOk for a coordination of this node. */
export function onReply(ctx: Ctx, m: Msg<'GetOk'> | Msg<'PutOk'>): Plan<Ctx> {
  const id = idOf(m.client, m.op);
  const c = ctx.coordinating.find((x) => x.id === id);
  if (c === undefined || !c.asked.includes(m.from) || c.answered.includes(m.from)) return nothing();
  const replies = m.type === 'GetOk' ? withEntry(c.replies, m.from, m.object) : c.replies;
  let store = ctx.store;
  const answered = { ...c, answered: [...c.answered, m.from], replies };
  const next = progress(ctx, answered);
  // §5: the coordinator is a replica too; it takes the reconciled version a read found.
  if (next.c === null && c.kind === 'read' && ctx.config.readRepair && c.preference.includes(ctx.id)) {
    const merged = mergedReplies(ctx, answered);
    if (merged !== null && !isSame(own(ctx.store, c.key) ?? null, merged)) store = stored(ctx, c.key, merged);
  }
  return { changes: { coordinating: replace(ctx, next.c, id), store }, actions: next.actions };
}

/**
 * `requestTimeoutMs` passed. With a sloppy quorum (§4.6) every preference-list node that has not answered gets a
 * stand-in, the next node of the walk not yet asked, sent the version with a hint naming it (a read asks only as
 * many as it still needs); then the wait starts again. A strict quorum, or a walk with no one left, ends here: a
 * request that never got its answers is not answered (the client's own timeout ends it `info`).
 */
export function onRequestTimeout(ctx: Ctx, e: Extract<ServerEvent, { type: 'requestTimeout' }>): Plan<Ctx> {
  const c = ctx.coordinating.find((x) => x.id === e.id);
  if (c === undefined) return nothing();
  const covered = (p: NodeId) =>
    c.answered.includes(p) || Object.entries(c.standIns).some(([s, f]) => f === p && c.answered.includes(s));
  let missing = c.preference.filter((p) => !covered(p));
  if (c.kind === 'read') missing = c.isDone ? [] : missing.slice(0, Math.max(0, c.need - c.answered.length));
  const free = walkOf(ctx.ring, c.key).filter((node) => !c.asked.includes(node));
  const pairs = ctx.config.sloppy ? missing.slice(0, free.length).map((p, i) => [free[i] as NodeId, p] as const) : [];
  if (pairs.length === 0) {
    return { changes: { coordinating: replace(ctx, null, c.id) }, actions: c.isDone ? finish(ctx, c) : [] };
  }
  const standIns = { ...c.standIns, ...Object.fromEntries(pairs) };
  const next: Coordination = { ...c, asked: [...c.asked, ...pairs.map(([s]) => s)], standIns };
  const asks = pairs.map(([s, p]) => send(s, requestTo(next, ctx.id, c.kind === 'write' ? p : undefined)));
  return {
    changes: { coordinating: replace(ctx, next, c.id) },
    actions: [...asks, startTimer(TIMER, ctx.config.requestTimeoutMs, timeoutEvent(c.id), c.id)],
  };
}
