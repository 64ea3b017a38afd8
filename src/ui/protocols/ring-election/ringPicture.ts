import type { NodeId, VirtualMs } from '../../../engine/types';
import type { RingMessage } from '../../../protocols/ring-election/types';

/**
 * The ring panel's geometry, pure so it is tested without a page: the processes evenly on a circle in ring
 * order, clockwise from the top (the way messages travel), and each message on the wire between its sender and
 * its receiver, as far along the arc as its time on the wire has gone.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface WireMessage {
  readonly id: number;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly message: RingMessage;
  readonly sentAtMs: VirtualMs;
  readonly deliverAtMs: VirtualMs;
  readonly isLost: boolean;
}

export interface Chip extends Point {
  readonly id: number;
  readonly type: RingMessage['type'];
  readonly uid: number;
  readonly isLost: boolean;
}

/** The angle of position `i` of `n`, clockwise from the top (screen y grows downwards). */
const angleOf = (i: number, n: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;

export function placeOnCircle(i: number, n: number, center: Point, radius: number): Point {
  const a = angleOf(i, n);
  return { x: center.x + radius * Math.cos(a), y: center.y + radius * Math.sin(a) };
}

/** How far a message has travelled, 0 at its send and 1 at its arrival (or where it is lost). */
export function progress(m: Pick<WireMessage, 'sentAtMs' | 'deliverAtMs'>, nowMs: VirtualMs): number {
  const span = m.deliverAtMs - m.sentAtMs;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (nowMs - m.sentAtMs) / span));
}

/** Each message's chip on the ring: on the arc from its sender's place towards its receiver's. */
export function chipsOf(
  messages: readonly WireMessage[],
  order: readonly NodeId[],
  nowMs: VirtualMs,
  center: Point,
  radius: number,
): Chip[] {
  const n = order.length;
  const chips: Chip[] = [];
  for (const m of messages) {
    const from = order.indexOf(m.from);
    const to = order.indexOf(m.to);
    if (from < 0 || to < 0) continue;
    // Clockwise steps from sender to receiver: 1 on the ring, n (all the way round) for a message to oneself.
    const steps = (to - from + n) % n || n;
    const a = angleOf(from, n) + ((2 * Math.PI) / n) * steps * progress(m, nowMs);
    chips.push({
      id: m.id,
      type: m.message.type,
      uid: m.message.uid,
      isLost: m.isLost,
      x: center.x + radius * Math.cos(a),
      y: center.y + radius * Math.sin(a),
    });
  }
  return chips;
}

/** Where the count stands against the textbook's three figures, as words for the headline of the scale. */
export function countWords(count: number, best: number, average: number, worst: number): string {
  if (count === 0) return 'No Election message sent yet.';
  if (count < best) return `${count} so far; the best case needs ${best}.`;
  if (count === best) return `${count}: the best case, 2n - 1.`;
  if (count < average) return `${count}: between the best case and the average.`;
  if (count <= worst)
    return count === worst
      ? `${count}: the worst case, n(n + 1)/2.`
      : `${count}: between the average and the worst case.`;
  return `${count}: past the worst case (a fresh round began: the worst case counts one election begun by all at once).`;
}
