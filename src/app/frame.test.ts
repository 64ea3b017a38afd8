import { describe, expect, it } from 'vitest';
import { presetScenario } from './scenarios';
import { isDivided, linkStatus, nodeOf, partitionSides, selectedNodes, sidesOf } from './selectors';
import { Store } from './store';

const paused = () => {
  const store = new Store(presetScenario('raft/first-election'), { playing: false });
  store.runTo(1000);
  return store;
};

describe('the frame the store publishes', () => {
  it('is a new value after the engine moved, and keeps the parts that did not change', () => {
    const store = paused();
    const before = store.getState().frame;
    store.stepEvent();
    const after = store.getState().frame;
    expect(after).not.toBe(before);
    expect(after.trace.length).toBeGreaterThan(before.trace.length);
    // No fault in between: the network is the same value; most nodes did not move either.
    expect(after.network).toBe(before.network);
    expect(after.nodes.filter((n, i) => n === before.nodes[i]).length).toBeGreaterThan(0);
    expect(after.inputs).toBe(before.inputs);
  });

  it('does not change under a component when nothing happened', () => {
    const store = paused();
    const frame = store.getState().frame;
    store.select({ kind: 'node', id: 'n1' });
    store.hoverMessage(3);
    expect(store.getState().frame).toBe(frame);
  });

  it('shows a partition and a crash through its selectors, by the engine’s rules', () => {
    const store = paused();
    const leader = selectedNodes(store.getState().frame)[0]?.[0];
    expect(leader).toBeDefined();
    store.act({ type: 'partition', groups: [[leader as string]] });
    const { frame, scenario } = store.getState();
    const other = scenario.nodes.find((id) => id !== leader) as string;
    expect(linkStatus(frame.network, leader as string, other)).toBe('partitioned');
    expect(sidesOf(frame.network, scenario.nodes)).toContainEqual([leader]);
    expect(sidesOf(frame.network, scenario.nodes)).toContainEqual(scenario.nodes.filter((id) => id !== leader));
    expect(isDivided(frame.network, scenario.nodes)).toBe(true);
    store.act({ type: 'heal' });
    store.act({ type: 'crash', node: other });
    const healed = store.getState().frame;
    expect(isDivided(healed.network, scenario.nodes)).toBe(false);
    expect(nodeOf(healed, other)?.isUp).toBe(false);
  });

  it('splits nodes into sides as the network does: the nodes no group lists share one more side', () => {
    expect(partitionSides([['n3'], ['n1']], ['n1', 'n2', 'n3', 'n4'])).toEqual({
      sideOf: { n1: 1, n2: 2, n3: 0, n4: 2 },
      sideCount: 3,
    });
    expect(partitionSides([['n1', 'n2']], ['n1', 'n2'])).toEqual({ sideOf: { n1: 0, n2: 0 }, sideCount: 1 });
  });
});
