import { describe, expect, it } from 'vitest';
import { flightProgress, LOST_AT, pointOnLink, timerRemaining } from './geometry';

describe('message geometry', () => {
  const flight = { sentAtMs: 100, deliverAtMs: 120, isLost: false };

  it('places a message by virtual time alone: leaving, halfway, arrived', () => {
    expect(flightProgress(flight, 100)).toBe(0);
    expect(flightProgress(flight, 110)).toBe(0.5);
    expect(flightProgress(flight, 500)).toBe(1);
    expect(flightProgress(flight, 50)).toBe(0);
  });

  it('makes a lost message vanish partway, never at the receiver', () => {
    const lost = { ...flight, isLost: true };
    expect(flightProgress(lost, 120)).toBe(LOST_AT);
    expect(flightProgress(lost, 120)).toBeLessThan(1);
  });

  it('keeps the two directions of a link in separate lanes', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 400, y: 0 };
    const there = pointOnLink(a, b, 0.5);
    const back = pointOnLink(b, a, 0.5);
    expect(there.x).toBeCloseTo(back.x);
    expect(there.y).not.toBeCloseTo(back.y);
  });

  it('drains a timer ring from full to empty', () => {
    const timer = { startedAtMs: 0, atMs: 200 };
    expect(timerRemaining(timer, 0)).toBe(1);
    expect(timerRemaining(timer, 150)).toBe(0.25);
    expect(timerRemaining(timer, 300)).toBe(0);
  });
});
