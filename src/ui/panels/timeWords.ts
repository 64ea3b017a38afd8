import { type ClockState, clockReading, isTrueClock, localTime } from '../../engine/clock';
import type { VirtualMs } from '../../engine/types';

/** `2.40 s`: a virtual time as the pause badge writes it. */
export const seconds = (ms: VirtualMs): string => `${(ms / 1000).toFixed(2)} s`;

/** The canvas's plain words for a paused node (never colour alone). */
export const pausedText = (untilMs: VirtualMs): string => `❚❚ PAUSED until ${seconds(untilMs)}`;

/**
 * A node's clock in words for the Inspector, or null for a true clock (nothing to say): its reading now, its
 * offset from the virtual time, and its rate (spec/protocols.md §1.4).
 */
export function clockWords(clock: ClockState, nowMs: VirtualMs): string | null {
  if (isTrueClock(clock)) return null;
  const { offsetMs, driftPpm } = clockReading(clock, nowMs);
  const sign = (n: number) => (n >= 0 ? '+' : '−');
  const offset = `${sign(offsetMs)}${Math.abs(offsetMs).toFixed(1)} ms`;
  return `Local clock reads ${seconds(localTime(clock, nowMs))} (offset ${offset}, drift ${sign(driftPpm)}${Math.abs(driftPpm)} ppm)`;
}
