import { NODE_SIZE, type XY } from '../../app/layout';
import type { VirtualMs } from '../../engine/types';

/** A lost message vanishes this far along its link (the engine times its loss at half the usual flight). */
export const LOST_AT = 0.5;
/** Messages in the two directions of a link travel in two lanes this far apart, in flow units. */
const LANE = 7;

export interface Flight {
  readonly sentAtMs: VirtualMs;
  readonly deliverAtMs: VirtualMs;
  readonly isLost: boolean;
}

/** How far along its link a message is at `nowMs`, from 0 (leaving) to 1 (arriving). */
export function flightProgress(flight: Flight, nowMs: VirtualMs): number {
  const span = flight.deliverAtMs - flight.sentAtMs;
  const t = span <= 0 ? 1 : Math.min(1, Math.max(0, (nowMs - flight.sentAtMs) / span));
  return flight.isLost ? t * LOST_AT : t;
}

/** A card's radius, or the semi-axes of an oval card. */
export type Rim = number | XY;

/** A message leaves a 120-unit card this far from its centre: its rim and a little gap. */
export const DEFAULT_RIM = NODE_SIZE / 2 + 4;

/** How far from its centre a card's rim is in the direction (ux, uy), a little gap included. */
function rimAlong(card: Rim, ux: number, uy: number): number {
  if (typeof card === 'number') return card;
  return 1 / Math.hypot(ux / card.x, uy / card.y) + 4;
}

/**
 * The point at progress `p` on the link between two cards' centres: from the rim of the sender's
 * card to the rim of the receiver's, shifted sideways into the sender's lane.
 */
export function pointOnLink(a: XY, b: XY, p: number, card: Rim = DEFAULT_RIM): XY {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const rim = Math.min(rimAlong(card, ux, uy), length / 2);
  const start = { x: a.x + ux * rim, y: a.y + uy * rim };
  const travel = length - 2 * rim;
  // Perpendicular to the direction of travel: each direction keeps to its own side of the line.
  return { x: start.x + ux * travel * p - uy * LANE, y: start.y + uy * travel * p + ux * LANE };
}

/** Remaining fraction of a timer at `nowMs`: 1 when just started, 0 when it fires. */
export function timerRemaining(timer: { startedAtMs: VirtualMs; atMs: VirtualMs }, nowMs: VirtualMs): number {
  const span = timer.atMs - timer.startedAtMs;
  if (span <= 0) return 0;
  return Math.min(1, Math.max(0, (timer.atMs - nowMs) / span));
}

/** Where a message in flight is drawn at `nowMs`, given the centres of the nodes' cards. */
export function messagePoint(
  m: Flight & { readonly from: string; readonly to: string },
  nowMs: VirtualMs,
  centres: Readonly<Record<string, XY>>,
  rim: Rim = DEFAULT_RIM,
): XY | null {
  const from = centres[m.from];
  const to = centres[m.to];
  if (!from || !to) return null;
  return pointOnLink(from, to, flightProgress(m, nowMs), rim);
}

/** How much a lost message has faded: 0 for most of its trip, rising to 1 where it vanishes. */
export function vanishing(m: Flight, nowMs: VirtualMs): number {
  if (!m.isLost) return 0;
  return Math.max(0, (flightProgress(m, nowMs) / LOST_AT - 0.5) * 2);
}
