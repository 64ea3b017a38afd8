import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playFile } from '../../../protocols/lock/testkit';
import { laneWords } from './LockPanel';
import { lockStory } from './lockStory';

const file = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../protocols/lock/presets/${name}.json`, import.meta.url), 'utf8'));

function storyOf(name: string) {
  const sim = playFile(file(name));
  const kinds = new Map(sim.shape.nodes.map((n) => [n.id, n.kind]));
  const story = lockStory(
    sim.trace,
    sim.trace.length,
    sim.now,
    { leaseMs: 1000, driftMs: 12 },
    (id) => kinds.get(id) ?? '',
  );
  return { story, sim };
}

describe("the lock panel's story of a run", () => {
  it('gc-pause-fenced: both leases at the service, c1 holding past its lease, 34 accepted and 33 refused', () => {
    const { story, sim } = storyOf('gc-pause-fenced');
    const words = story.lanes.map((l) => laneWords(l, sim.now));
    expect(words[0]).toMatch(
      /^n1 \(lock service\): c1 with token 33 from 0\.03 s to 1\.1\d s; c2 with token 34 from 1\.1\d s/,
    );
    expect(words[1]).toMatch(
      /^c1 \(client\): believed it held the lock \(token 33\) from 0\.04 s to 1\.67 s, 0\.67 s past its lease \(ended 1\.00 s\)/,
    );
    expect(words[3]).toBe(
      "n2 (storage): accepted c2's write of 2 (token 34) at 1.36 s; REFUSED c1's write of 1 (token 33) at 1.65 s.",
    );
  });

  it('redlock-clock-jump: each master keeps the key of whoever set it, and both clients hold at once', () => {
    const { story } = storyOf('redlock-clock-jump');
    const masters = story.lanes.filter((l) => l.kind === 'master');
    expect(masters.map((m) => m.bars.map((b) => b.holder).join(' '))).toEqual(['c1', 'c1', 'c1 c2', 'c2', 'c2']);
    const [c1, c2] = story.lanes.filter((l) => l.kind === 'client').map((l) => l.bars[0]);
    expect(c2 && c1 && c2.from < (c1.to ?? 0)).toBe(true);
  });
});
