import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { overlapFact } from './facts';
import { lockPauseChecks } from './pauseChecks';
import { completions, contextOf, playFile } from './testkit';
import type { LockContext } from './types';

const file = (name: string) =>
  JSON.parse(readFileSync(new URL(`./presets/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('the lock presets show what they say', () => {
  it("gc-pause-fenced: c1's token-33 write is refused after c2's 34, and no invariant breaks", () => {
    const sim = playFile(file('gc-pause-fenced'));
    expect(completions(sim)).toEqual(['c2 update 2 -> ok', 'c1 update 1 -> fail']);
    const storage = contextOf(sim, 'n2');
    expect(storage.role === 'storage' && [storage.value, storage.writes.map((w) => w.token)]).toEqual(['2', [34]]);
    expect(storage.role === 'storage' && storage.rejected.map((w) => [w.client, w.token])).toEqual([['c1', 33]]);
    expect(sim.violations).toEqual([]);
  });

  it("gc-pause-no-fencing: c1's stale write overwrites c2's, caught by fenced-writes", () => {
    const sim = playFile(file('gc-pause-no-fencing'));
    const storage = contextOf(sim, 'n2');
    expect(storage.role === 'storage' && storage.value).toBe('1');
    expect(sim.violations.map((v) => v.invariant)).toEqual(['fenced-writes']);
  });

  it('redlock-clock-jump: a second majority while c1 is within its validity breaks mutual-exclusion', () => {
    const sim = playFile(file('redlock-clock-jump'));
    expect(sim.violations.map((v) => v.message)).toEqual([
      expect.stringMatching(/^c2 took the lock at \d+ ms while c1 was within its validity/),
    ]);
    const end = sim.now;
    expect(overlapFact({ trace: sim.trace, history: [], series: {}, endMs: end }).clients).toEqual(['c1', 'c2']);
  });

  it('lecture: each pause point holds what its question relies on', () => {
    const lecture = file('lecture');
    for (const check of lockPauseChecks.lecture ?? []) {
      const sim = playFile(lecture, check.at);
      const scene = {
        nowMs: sim.now,
        nodes: sim.world().nodes.map((n) => ({ ...n, context: n.context as LockContext })),
        inFlight: [],
      };
      expect(check.holds(scene), check.says).toBe(true);
    }
  });

  it('lecture: the clock jump makes two holders overlap, yet the tokens keep the writes in order', () => {
    const sim = playFile(file('lecture'));
    const overlap = overlapFact({ trace: sim.trace, history: [], series: {}, endMs: sim.now });
    expect(overlap.ms).toBeGreaterThan(50);
    expect(sim.violations).toEqual([]);
  });
});
