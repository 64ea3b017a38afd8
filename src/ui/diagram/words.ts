import type { DropReason } from '../../engine/types';
import { formatSeconds } from './geometry';
import type { MessageSpan } from './model';

/** The diagram's words: times, partition sides and a message's whole story, for titles and screen readers. */

const SIDE_NAMES = 'ABCDEFGHIJ';

export function sideName(side: number): string {
  return SIDE_NAMES[side] ?? String(side + 1);
}

export function formatTime(ms: number): string {
  return ms >= 1000 ? formatSeconds(ms) : `${Math.round(ms)} ms`;
}

const REASON: Record<DropReason, string> = {
  loss: 'lost by the network',
  partition: 'dropped: the link was cut',
  crashed: 'dropped: the receiver was down',
  user: 'dropped by the user',
  silent: 'dropped: the sender is Byzantine and silent',
};

export function messageTitle(m: MessageSpan): string {
  const head = `${m.label}: ${m.from} → ${m.to}, sent at ${formatTime(m.sentAtMs)}`;
  const fate =
    m.fate === 'delivered'
      ? `delivered at ${formatTime(m.endAtMs)}`
      : m.fate === 'dropped'
        ? `${REASON[m.reason ?? 'loss']} at ${formatTime(m.endAtMs)}`
        : m.isLost
          ? 'in flight, will be lost'
          : `in flight, due at ${formatTime(m.dueAtMs)}`;
  const copy = m.isDuplicate ? ' (a duplicate copy)' : '';
  const clocks = [
    m.sendClock && `send L${m.sendClock.lamport} [${m.sendClock.vector.join(',')}]`,
    m.deliverClock && `delivery L${m.deliverClock.lamport} [${m.deliverClock.vector.join(',')}]`,
  ].filter(Boolean);
  return `${head}, ${fate}${copy}${clocks.length ? `; clocks: ${clocks.join(', ')}` : ''}`;
}
