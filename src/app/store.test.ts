import { describe, expect, it } from 'vitest';
import { presetScenario } from './scenarios';
import { nodeOf, selectedNodes } from './selectors';
import { Store } from './store';

/** What the protocol's first selector names (Raft: the leader). */
const leaderOf = (store: Store) => selectedNodes(store.getState().frame)[0]?.[0] ?? null;

describe('the store', () => {
  it('turns a user action into an input at the current virtual time, rounded up', () => {
    const store = new Store(presetScenario('raft/first-election'));
    store.tick(50); // 50 wall ms at 20x slower: 2.5 virtual ms
    expect(store.getState().now).toBeCloseTo(2.5);
    store.act({ type: 'crash', node: 'n2' });
    expect(store.getState().frame.inputs).toContainEqual({ type: 'crash', node: 'n2', at: 3 });
    expect(nodeOf(store.getState().frame, 'n2')?.isUp).toBe(false);
  });

  it('replays: the inputs the user added reproduce the same run from the start', () => {
    const store = new Store(presetScenario('raft/first-election'), { speed: 1 });
    for (let i = 0; i < 30; i++) store.tick(16);
    store.act({ type: 'request', command: 'x=9' });
    for (let i = 0; i < 30; i++) store.tick(16);
    const { frame, scenario, now } = store.getState();
    const replay = new Store({ ...scenario, events: [...frame.inputs] }, { speed: 1 });
    replay.runTo(now);
    expect(replay.getState().frame.trace.hash).toBe(frame.trace.hash);
  });

  it('pauses at a pause point of the scenario and says why', () => {
    const store = new Store(presetScenario('raft/leader-crash'), { speed: 1 });
    for (let i = 0; i < 200 && store.getState().playing; i++) store.tick(16);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().now).toBe(1500);
    expect(store.getState().notice).toMatch(/^Paused: /);
  });

  it('pauses at a new violation and raises the alert with the event number', () => {
    const store = new Store(presetScenario('raft/figure-8-bug'), { speed: 1 });
    for (let i = 0; i < 500 && !store.getState().alert; i++) {
      if (!store.getState().playing) store.play();
      store.tick(16);
    }
    const { alert, playing, frame } = store.getState();
    expect(alert).not.toBeNull();
    expect(playing).toBe(false);
    expect(frame.trace.records[(alert?.event ?? 0) - 1]).toMatchObject({
      kind: 'violation',
      invariant: alert?.invariant,
    });
  });

  it('steps exactly one event at a time, even when several share an instant', () => {
    const store = new Store(presetScenario('raft/first-election'), { playing: false });
    const before = store.getState().frame.steps;
    store.stepEvent();
    expect(store.getState().frame.steps - before).toBeLessThanOrEqual(1);
    expect(store.getState().playing).toBe(false);
  });

  it('elects a leader of the default preset within a second of virtual time', () => {
    const store = new Store(presetScenario('raft/first-election'), { speed: 1 });
    store.runTo(1000);
    expect(leaderOf(store)).not.toBeNull();
  });
  it('re-runs an edited scenario from 0 and comes back to the same time, servers where they were', async () => {
    const { applyEdit } = await import('./authoring');
    const { getProtocol } = await import('../protocols');
    const store = new Store(presetScenario('raft/first-election'), { playing: false });
    store.runTo(2000);
    store.moveNode('n3', { x: 7, y: 9 });
    const { scenario, frame } = store.getState();
    const edit = applyEdit(scenario, frame.inputs, { kind: 'insert-pause', at: 2000, text: 'Why?' }, getProtocol);
    if (!edit.ok) throw new Error(edit.errors.join('; '));
    store.rerun(edit.scenario);
    // A long way from 0 is computed a slice per frame.
    for (let i = 0; i < 1000 && store.getState().seeking; i++) store.tick(16);
    const after = store.getState();
    expect(after.now).toBe(2000);
    expect(after.playing).toBe(false);
    expect(after.positions.n3).toEqual({ x: 7, y: 9 });
    expect(after.frame.inputs).toContainEqual({ at: 2000, type: 'pause', text: 'Why?' });
    const replay = new Store(edit.scenario, { playing: false });
    replay.runTo(2000);
    expect(replay.getState().frame.trace.hash).toBe(after.frame.trace.hash);
  });
});
