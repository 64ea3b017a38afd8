import { type Action, dict, entriesOf, nothing, own, type Plan, send, startTimer, withEntry } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import { isReplica } from './placement';
import type { Hinted, QuorumMessage, ServerContext, StoredObject } from './types';
import { isCovered, isSame, reconcile } from './versions';

/**
 * A replica's rules: store what coordinators send, answer reads, take repairs, hand hinted replicas back,
 * and synchronize with peers. Every merge goes through `reconcile` (versions.ts), so the order in which
 * versions arrive does not matter (except under the `lww-by-arrival` bug).
 */
type Ctx = ServerContext;
type Msg<T extends QuorumMessage['type']> = Extract<QuorumMessage, { type: T }> & { readonly from: NodeId };

export const byArrival = (ctx: Ctx) => ctx.bug === 'lww-by-arrival';

/** What this node holds of `key`: its own replica and any hinted version of it (§4.6), reconciled. */
export function localOf(ctx: Ctx, key: string): StoredObject | null {
  let held = own(ctx.store, key) ?? null;
  for (const h of ctx.hinted) if (h.key === key) held = reconcile(held, h.object, byArrival(ctx));
  return held;
}

/** `object` reconciled into this node's replica of `key`. */
export function stored(ctx: Ctx, key: string, object: StoredObject): Ctx['store'] {
  return withEntry(ctx.store, key, reconcile(own(ctx.store, key) ?? null, object, byArrival(ctx)));
}

/** §4.6: a hinted replica for `forNode`, kept apart from the node's own and merged with one it already holds. */
function hintedWith(ctx: Ctx, forNode: NodeId, key: string, object: StoredObject): Hinted[] {
  const at = ctx.hinted.findIndex((h) => h.for === forNode && h.key === key);
  if (at < 0) return [...ctx.hinted, { for: forNode, key, object }];
  return ctx.hinted.map((h, i) => (i === at ? { ...h, object: reconcile(h.object, object, byArrival(ctx)) } : h));
}

export const HANDOFF = 'handoff';
export const ANTI_ENTROPY = 'anti-entropy';

/** The handoff timer, armed while hints wait and handoff is on (§4.6: D "periodically scans its local database"). */
export function handoffTimer(ctx: Ctx): Action[] {
  return ctx.config.hintedHandoff ? [startTimer(HANDOFF, ctx.config.handoffMs, { type: 'handoff' })] : [];
}

/** A coordinator's Get: answer with what is held (§4.5: the coordinator "requests all existing versions"). */
export function onGet(ctx: Ctx, m: Msg<'Get'>): Plan<Ctx> {
  const reply: QuorumMessage = { type: 'GetOk', key: m.key, op: m.op, client: m.client, object: localOf(ctx, m.key) };
  return { changes: null, actions: [send(m.from, reply)] };
}

/** A coordinator's Put: store the version (or keep it as a hinted replica for the node named), then acknowledge. */
export function onPut(ctx: Ctx, m: Msg<'Put'>, object: StoredObject): Plan<Ctx> {
  const ack = (o: StoredObject): Action =>
    send(m.from, { type: 'PutOk', key: m.key, op: m.op, client: m.client, object: o });
  if (m.hint !== undefined && m.hint !== ctx.id) {
    const hinted = hintedWith(ctx, m.hint, m.key, object);
    const arm = ctx.hinted.length === 0 ? handoffTimer(ctx) : [];
    return { changes: { hinted }, actions: [ack(object), ...arm] };
  }
  const store = stored(ctx, m.key, object);
  return { changes: { store }, actions: [ack(own(store, m.key) as StoredObject)] };
}

/** §5: the coordinator found this replica stale after a read and sends the reconciled version. */
export function onReadRepair(ctx: Ctx, m: Msg<'ReadRepair'>): Plan<Ctx> {
  return { changes: { store: stored(ctx, m.key, m.object) }, actions: [] };
}

/** §4.6: a stand-in hands back a version meant for this node; it stores it and says so. */
export function onHandoff(ctx: Ctx, m: Msg<'Handoff'>): Plan<Ctx> {
  const store = stored(ctx, m.key, m.object);
  const ok: QuorumMessage = { type: 'PutOk', key: m.key, op: 0, client: '', object: m.object, handoff: true };
  return { changes: { store }, actions: [send(m.from, ok)] };
}

/** §4.6: "Once the transfer succeeds, D may delete the object from its local store." */
export function onHandoffDone(ctx: Ctx, m: Msg<'PutOk'>): Plan<Ctx> {
  const hinted = ctx.hinted.filter((h) => !(h.for === m.from && h.key === m.key && isCovered(h.object, m.object)));
  return hinted.length === ctx.hinted.length ? nothing() : { changes: { hinted }, actions: [] };
}

/** The handoff timer: try every hinted replica's node again; re-armed while hints remain. */
export function onHandoffTimer(ctx: Ctx): Plan<Ctx> {
  if (ctx.hinted.length === 0 || !ctx.config.hintedHandoff) return nothing();
  const sends = ctx.hinted.map((h) => send(h.for, { type: 'Handoff', key: h.key, object: h.object }));
  return { changes: null, actions: [...sends, ...handoffTimer(ctx)] };
}

/** The keys this node holds that `peer` also replicates, with their versions. */
function sharedWith(ctx: Ctx, peer: NodeId): Record<string, StoredObject> {
  const out = dict<StoredObject>();
  for (const [key, object] of entriesOf(ctx.store)) if (isReplica(ctx.ring, key, ctx.config.n, peer)) out[key] = object;
  return out;
}

const others = (ctx: Ctx) => ctx.nodes.filter((n) => n !== ctx.id);

/** §4.7: every `antiEntropyMs`, exchange versions with the next peer in turn. */
export function onAntiEntropyTimer(ctx: Ctx): Plan<Ctx> {
  const peers = others(ctx);
  const again = startTimer(ANTI_ENTROPY, ctx.config.antiEntropyMs, { type: 'antiEntropy' });
  if (peers.length === 0) return { changes: null, actions: [again] };
  const peer = peers[ctx.antiEntropyNext % peers.length] as NodeId;
  const message: QuorumMessage = { type: 'AntiEntropy', objects: sharedWith(ctx, peer), isReply: false };
  return { changes: { antiEntropyNext: ctx.antiEntropyNext + 1 }, actions: [send(peer, message), again] };
}

/**
 * §4.7: take the peer's versions of the keys this node replicates, and answer (once) with what this node held
 * that they did not cover. With `lww-by-arrival` a different version never counts as older, so both sides send,
 * and each keeps what arrived: they swap instead of converging.
 */
export function onAntiEntropy(ctx: Ctx, m: Msg<'AntiEntropy'>): Plan<Ctx> {
  let store = ctx.store;
  for (const [key, object] of Object.entries(m.objects)) {
    if (isReplica(ctx.ring, key, ctx.config.n, ctx.id)) store = stored({ ...ctx, store }, key, object);
  }
  const changes = store === ctx.store ? null : { store };
  if (m.isReply) return { changes, actions: [] };
  const back = dict<StoredObject>();
  for (const [key, mine] of Object.entries(sharedWith(ctx, m.from))) {
    const theirs = Object.hasOwn(m.objects, key) ? (m.objects[key] as StoredObject) : null;
    const isNews = byArrival(ctx) ? !isSame(mine, theirs) : !isCovered(mine, theirs);
    if (isNews) back[key] = mine;
  }
  if (Object.keys(back).length === 0) return { changes, actions: [] };
  return { changes, actions: [send(m.from, { type: 'AntiEntropy', objects: back, isReply: true })] };
}
