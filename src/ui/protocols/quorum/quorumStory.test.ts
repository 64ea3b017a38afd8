import { describe, expect, it } from 'vitest';
import { preferenceOf, ringOf } from '../../../protocols/quorum/placement';
import { presetFile, run } from '../../../protocols/quorum/testkit';
import { opWords, quorumStory } from './quorumStory';

describe("the quorum panel's story", () => {
  it('tells each operation: the stand-ins with their hints, who answered, what the client got; and the handoff', () => {
    const { sim } = run(presetFile('sloppy-handoff'));
    const ring = ringOf(['n1', 'n2', 'n3', 'n4', 'n5'], 8);
    const story = quorumStory(
      sim.trace,
      sim.trace.length,
      (id) => id.startsWith('c'),
      (k) => preferenceOf(ring, k, 3),
    );
    const write = story.ops.find((o) => o.kind === 'write' && o.value === 2);
    expect(write?.asked).toEqual([
      { node: 'n1', for: null },
      { node: 'n3', for: null },
      { node: 'n4', for: null },
      { node: 'n2', for: 'n3' },
      { node: 'n5', for: 'n4' },
    ]);
    expect(write?.answered).toEqual(['n1', 'n2']);
    expect(opWords(write as NonNullable<typeof write>, 2)).toMatch(
      /^c1 write x 2 via n1: asked n1, n3, n4, n2 \(for n3\), n5 \(for n4\); answered n1, n2; acknowledged at 1\.\d\d s$/,
    );
    const stale = story.ops.find((o) => o.client === 'c2');
    expect(stale?.answered).toEqual(['n3', 'n4']);
    expect(story.repairs.find((r) => r.kind === 'Handoff')).toMatchObject({
      from: 'n2',
      to: 'n3',
      text: 'x ← 2 {n1:2}',
    });
  });
});
