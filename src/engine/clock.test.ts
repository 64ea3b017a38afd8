import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustClock, changeClock, clockReading, localTime, rebase, startClock, TRUE_CLOCK, timerSpan } from './clock';

describe('a node clock (spec/protocols.md §1.4)', () => {
  it('reads t + o + (rho + sigma)(t - s)/1e6', () => {
    const c = startClock({ offsetMs: 50, driftPpm: 1000 });
    expect(localTime(c, 0)).toBe(50);
    expect(localTime(c, 2000)).toBe(2000 + 50 + (1000 * 2000) / 1e6);
    expect(localTime(TRUE_CLOCK, 1234.5)).toBe(1234.5);
  });

  it('a change rebases first, so the reading is continuous unless an offset or jump is given', () => {
    const c = startClock({ driftPpm: 500 });
    const at = 4000;
    const drifted = changeClock(c, at, { driftPpm: -200 });
    expect(localTime(drifted, at)).toBe(localTime(c, at));
    expect(drifted.anchorMs).toBe(at);
    expect(localTime(drifted, at + 1000)).toBe(at + 1000 + (at + (500 * 4000) / 1e6 - at) + (-200 * 1000) / 1e6);
    const jumped = changeClock(c, at, { jumpMs: 300 });
    expect(localTime(jumped, at)).toBe(localTime(c, at) + 300);
    const set = changeClock(c, at, { offsetMs: -20 });
    expect(localTime(set, at)).toBe(at - 20);
  });

  it('a protocol steps its offset and sets its slew; the reading reports rate rho + sigma', () => {
    const c = adjustClock(startClock({ driftPpm: 100 }), 1000, { stepMs: -7, slewPpm: 400 });
    const reading = clockReading(c, 1000);
    expect(reading.offsetMs).toBeCloseTo((1000 * 100) / 1e6 - 7, 9);
    expect(reading.driftPpm).toBe(500);
  });

  it('a timer of d at rate rho + sigma lasts d * 1e6 / (1e6 + rho + sigma); at rate 0 exactly d', () => {
    expect(timerSpan(startClock({ driftPpm: 1000 }), 1000)).toBe((1000 * 1e6) / (1e6 + 1000));
    expect(timerSpan(startClock({ offsetMs: 99 }), 123.4)).toBe(123.4);
  });

  it('a rebase never moves the reading (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -86_400_000, max: 86_400_000 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: 0, max: 86_400_000 }),
        (offsetMs, driftPpm, t) => {
          const c = startClock({ offsetMs, driftPpm });
          expect(localTime(rebase(c, t), t)).toBeCloseTo(localTime(c, t), 6);
        },
      ),
      { numRuns: 200 },
    );
  });
});
