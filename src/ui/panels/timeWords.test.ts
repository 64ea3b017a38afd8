import { describe, expect, it } from 'vitest';
import { changeClock, startClock, TRUE_CLOCK } from '../../engine/clock';
import { clockFields, stallFields } from './timeForms';
import { clockWords, pausedText } from './timeWords';

describe('time faults in words and forms', () => {
  it('says a paused node is paused, and until when', () => {
    expect(pausedText(2400)).toBe('❚❚ PAUSED until 2.40 s');
  });

  it("reads a node's clock only when it is not the default", () => {
    expect(clockWords(TRUE_CLOCK, 5000)).toBeNull();
    expect(clockWords(startClock({ offsetMs: 250, driftPpm: -1000 }), 2000)).toBe(
      'Local clock reads 2.25 s (offset +248.0 ms, drift −1000 ppm)',
    );
    expect(clockWords(changeClock(TRUE_CLOCK, 100, { jumpMs: -50 }), 1000)).toContain('offset −50.0 ms');
  });

  it('turns typed text into the fields a file states, or a reason', () => {
    expect(stallFields('1500')).toEqual({ durationMs: 1500 });
    expect(stallFields('0')).toMatch(/above 0/);
    expect(clockFields('driftPpm', '-200')).toEqual({ driftPpm: -200 });
    expect(clockFields('driftPpm', '200000')).toMatch(/±100000 ppm/);
    expect(clockFields('jumpMs', '')).toMatch(/within/);
  });
});
