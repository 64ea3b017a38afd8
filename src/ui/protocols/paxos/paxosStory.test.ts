import { describe, expect, it } from 'vitest';
import { preset, simulate } from '../../../testing/scenarios';
import { chosenWords, paxosStory } from './paxosStory';

const storyOf = (id: string, untilMs: number) => {
  const sim = simulate(preset(id), untilMs);
  return paxosStory(sim.trace, sim.traceLength, sim.nodeIds());
};

describe('the Paxos panel story', () => {
  it('says nothing is chosen while two proposers duel, though single acceptors accepted proposals', () => {
    const story = storyOf('paxos/dueling-proposers', 1000);
    expect(story.chosen).toBeNull();
    expect(story.ballots.length).toBeGreaterThan(3);
    expect(story.ballots.every((b) => b.by.length < 2)).toBe(true);
    expect(chosenWords(story)).toMatch(/^Nothing is chosen yet/);
  });

  it('names the ballot and the majority that chose the value, even after the acceptors moved on', () => {
    const story = storyOf('paxos/lecture', 1800);
    expect(story.chosen).toMatchObject({ ballot: { round: 13, node: 'n1' }, value: 'A', majority: ['n1', 'n3', 'n4'] });
    expect(story.values).toEqual(['A']);
    expect(chosenWords(story)).toBe('Chosen: A, accepted at (13, n1) by n1, n3, n4 (a majority) at 0.81 s.');
  });

  it('shows the bug choosing two values', () => {
    const story = storyOf('paxos/forget-promise', 2000);
    expect(story.values).toEqual(['A', 'B']);
    expect(chosenWords(story)).toMatch(/Then also B: two values chosen\.$/);
  });
});
