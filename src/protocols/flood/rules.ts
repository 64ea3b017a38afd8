import { type Action, nothing, type Plan, send, startTimer } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import type { Broadcast, FloodContext, FloodEvent } from './types';

/**
 * Flooding broadcast as pure functions of (context, event) returning a kit plan. A node delivers a
 * broadcast the first time it sees it and relays it to every neighbour but the one it came from; it never
 * delivers one twice (the Integrity property of reliable broadcast, Hadzilacos and Toueg 1994, §2.2).
 */

type Ctx = FloodContext;

/** Every `repeatMs`, push everything delivered so far to every neighbour (nothing when off). */
export const repeatTimer = (ctx: Ctx): Action[] =>
  ctx.config.repeatMs > 0 ? [startTimer('repeat', ctx.config.repeatMs, { type: 'repeat' })] : [];

export function floodStep(ctx: Ctx, event: FloodEvent): Plan<Ctx> {
  switch (event.type) {
    case 'request':
      return ctx.isMember ? originate(ctx, event.command) : nothing();
    case 'Flood':
      return ctx.isMember ? receive(ctx, event.from, event.broadcasts) : nothing();
    case 'repeat': {
      const pushed = ctx.isMember ? relay(ctx, distinct(ctx.delivered), null) : [];
      return { changes: null, actions: [...pushed, ...repeatTimer(ctx)] };
    }
    // spec/protocols.md §1.6: from now on the node runs `mode` (the engine itself silences a `silent` one).
    case 'byzantine':
      return { changes: { byzantine: event.mode }, actions: [] };
    // §1.7: the entry of a change is the node itself (index.ts). A joining node relays from now on and
    // catches up on its neighbours' next repeat; a leaving one falls silent, keeping what it delivered.
    case 'join':
    case 'leave':
      return event.node === ctx.id ? { changes: { isMember: event.type === 'join' }, actions: [] } : nothing();
    default:
      event satisfies never;
      return nothing();
  }
}

/** A client asks this node to broadcast `command`: it delivers it itself at once, then floods it. */
function originate(ctx: Ctx, command: string): Plan<Ctx> {
  const n = ctx.delivered.filter((b) => b.origin === ctx.id).length + 1;
  const broadcast: Broadcast = { id: `${ctx.id}:${n}`, origin: ctx.id, body: command };
  return { changes: { delivered: [...ctx.delivered, broadcast] }, actions: relay(ctx, [broadcast], null) };
}

function receive(ctx: Ctx, from: NodeId, broadcasts: readonly Broadcast[]): Plan<Ctx> {
  const seen = new Set(ctx.delivered.map((b) => b.id));
  const fresh = broadcasts.filter((b) => !seen.has(b.id));
  // Bug `deliver-every-copy` checks for copies only before relaying, not before delivering: Integrity breaks.
  const deliver = ctx.bug === 'deliver-every-copy' ? broadcasts : fresh;
  if (deliver.length === 0) return nothing();
  return { changes: { delivered: [...ctx.delivered, ...deliver] }, actions: relay(ctx, fresh, from) };
}

/** Each broadcast once, in delivery order (a log with a bug's duplicates repeats each broadcast once). */
function distinct(broadcasts: readonly Broadcast[]): Broadcast[] {
  const byId = new Map<string, Broadcast>();
  for (const b of broadcasts) if (!byId.has(b.id)) byId.set(b.id, b);
  return [...byId.values()];
}

/**
 * One Flood message to each neighbour except `except` (the node the broadcasts came from). A liar (§1.6,
 * mode `lie`) relays every broadcast with a forged body: the id and origin stay, since flooding has no
 * signatures to check a body against (what Castro & Liskov 1999 §2 sign), so nobody downstream can tell.
 */
function relay(ctx: Ctx, broadcasts: readonly Broadcast[], except: NodeId | null): Action[] {
  if (broadcasts.length === 0) return [];
  const sent = ctx.byzantine === 'lie' ? broadcasts.map((b) => forged(ctx, b)) : broadcasts;
  return ctx.neighbours.filter((n) => n !== except).map((n) => send(n, { type: 'Flood', broadcasts: sent }));
}

const forged = (ctx: Ctx, b: Broadcast): Broadcast => ({ ...b, body: `${FORGED_BY}${ctx.id}` });

/** The body a liar puts in every broadcast it relays (the monitor's `lies` count reads it). */
export const FORGED_BY = 'forged by ';
