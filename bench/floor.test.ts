import { describe, expect, it } from 'vitest';
import { parityScenario, recordFeed, replay } from './floor';

describe("XState's floor under the RaftScope-parity run", () => {
  it('replays what the engine fed the machines and ends where the engine did, by either transition', async () => {
    const scenario = await parityScenario();
    const feed = recordFeed(scenario, 5000);
    expect(feed.steps.filter((s) => s.event === undefined).map((s) => s.node)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(feed.steps.length).toBeGreaterThan(500);
    for (const how of ['scope', 'public'] as const) {
      const ended = replay(feed, how);
      for (const node of scenario.nodes) expect(ended.get(node)?.context).toEqual(feed.finalContexts[node]);
    }
  });

  it('leaves the machine as it was after recording', async () => {
    const scenario = await parityScenario();
    const feed = recordFeed(scenario, 1000);
    expect(Object.hasOwn(feed.machine, 'transition')).toBe(false);
    expect(Object.hasOwn(feed.machine, 'getInitialSnapshot')).toBe(false);
  });
});
