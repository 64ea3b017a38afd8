import { describe, expect, it } from 'vitest';
import type { BullyView } from '../../../protocols/bully/types';
import { preset, simulate } from '../../../testing/scenarios';
import { againstBounds, bullyStory, episodeWords, headline, type NodeRow } from './bullyStory';

/** The panel's story at a moment of a preset, with the partition (if any) the preset has in force then. */
function storyAt(id: string, untilMs: number, sides: readonly (readonly string[])[] = []) {
  const sim = simulate(preset(id), untilMs);
  const rows: NodeRow[] = sim.nodeIds().map((n) => ({
    id: n,
    isUp: sim.node(n)?.isUp === true,
    view: sim.node(n)?.view as BullyView,
  }));
  const sideOf = (n: string) => sides.findIndex((s) => s.includes(n));
  const story = bullyStory(sim.trace, sim.traceLength, untilMs, rows, (a, b) => sideOf(a) === sideOf(b));
  return { story, rows };
}

describe('the bully panel story', () => {
  it('counts the election after the crash as the textbook worst case and names n4', () => {
    const { story, rows } = storyAt('bully/coordinator-crash', 2000);
    expect(story.current).toMatchObject({ startedBy: 'n4', sent: { Election: 10, Answer: 6, Coordinator: 3 } });
    expect(story.bounds).toMatchObject({ best: 4, worst: 19 });
    expect(againstBounds(story.current as NonNullable<typeof story.current>, story.bounds)).toBe(
      'exactly the worst case',
    );
    expect(headline(story, rows)).toBe('Coordinator: n4, named by every node that is up.');
    expect(episodeWords(story.current as NonNullable<typeof story.current>)).toMatch(
      /^1\.\d\d s, started by n4: 19 messages \(10 Election, 6 Answer, 3 Coordinator\), ended with n4$/,
    );
  });

  it('finds the best case: n4 notices first, n − 1 = 4 messages', () => {
    const { story } = storyAt('bully/message-counts', 1800);
    expect(story.current).toMatchObject({ startedBy: 'n4', total: 4 });
    expect(againstBounds(story.current as NonNullable<typeof story.current>, story.bounds)).toBe(
      'exactly the best case',
    );
  });

  it('shows two coordinators under a slow link, one per side under a partition, and the time it lasted', () => {
    const slow = storyAt('bully/slow-network', 1150);
    expect(slow.story.coordinators).toEqual(['n4', 'n5']);
    expect(slow.story.sides).toEqual([{ nodes: ['n1', 'n2', 'n3', 'n4', 'n5'], coordinators: ['n4', 'n5'] }]);
    const parted = storyAt('bully/slow-network', 3900, [
      ['n1', 'n2', 'n3'],
      ['n4', 'n5'],
    ]);
    expect(parted.story.sides).toEqual([
      { nodes: ['n1', 'n2', 'n3'], coordinators: ['n3'] },
      { nodes: ['n4', 'n5'], coordinators: ['n5'] },
    ]);
    expect(headline(parted.story, parted.rows)).toBe('2 coordinators at once: n3, n5.');
    expect(parted.story.twoCoordinatorsMs).toBeGreaterThan(1000);
  });
});
