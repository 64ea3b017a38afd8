import { describe, expect, it } from 'vitest';
import { play, states } from './testkit';

/**
 * Every message takes 20 ms. t1's votes reach n1 at 140 and it commits; at 150 the link n1 -> n2 is
 * cut, so n2 (prepared since 120) does not hear the decision. Its decision is late at 620.
 */
const lateDecision = (bug: string | null) => ({
  bug,
  network: { latencyMs: [20, 20], loss: 0, duplicate: 0 },
  events: [
    { at: 100, type: 'request', command: 't1' },
    { at: 150, type: 'cut', from: 'n1', to: 'n2', oneWay: true },
    { at: 1000, type: 'mend', from: 'n1', to: 'n2', oneWay: true },
  ],
});

describe('bug participant-decides-alone', () => {
  it('the correct participant waits out the late decision and commits with the others', () => {
    const sim = play(lateDecision(null), 900);
    expect(states(sim, 't1')).toEqual(['committed', 'prepared', 'committed']);
    sim.runUntil(2000);
    expect(states(sim, 't1')).toEqual(['committed', 'committed', 'committed']);
    expect(sim.violations).toEqual([]);
  });

  it('a participant that aborts alone breaks atomicity, and the monitor says when', () => {
    const sim = play(lateDecision('participant-decides-alone'), 2000);
    expect(states(sim, 't1')).toEqual(['committed', 'aborted', 'committed']);
    expect(sim.violations).toEqual([
      { invariant: 'atomicity', time: 620, message: 't1 was committed at n1 but aborted at n2' },
    ]);
  });
});
