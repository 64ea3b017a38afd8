import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { parseScenarioText } from '../scenario/parse';
import { runScenario } from '../scenario/run';
import { preset, simulate } from '../testing/scenarios';
import { presetScenario } from './scenarios';
import { recentFor } from './selectors';
import { Store } from './store';
import { playWholeRun } from './wholeRun';

const paused = (id = 'raft/first-election') => new Store(presetScenario(id), { playing: false, speed: 1 });

/** Lets a long seek finish, a frame at a time, as the page would. */
function settle(store: Store): Store {
  for (let frame = 0; store.getState().seeking && frame < 10_000; frame++) store.tick(16);
  return store;
}

/** Replays a store's exported file from scratch to `t`: the hash a colleague opening it would see. */
function replayHash(store: Store, t: number): string {
  const parsed = parseScenarioText(store.fileText(), getProtocol);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return simulate(parsed.scenario, t).traceHash;
}

describe('time travel in the store', () => {
  it('seeking shows what a fresh run to that time shows, and pauses there', () => {
    const store = new Store(presetScenario('raft/leader-crash'), { speed: 1 });
    settle(store).seek(2500);
    settle(store).seek(700);
    const { frame, now, playing } = store.getState();
    expect(now).toBe(700);
    expect(playing).toBe(false);
    expect(frame.trace.hash).toBe(simulate(preset('raft/leader-crash'), 700).traceHash);
    expect(store.getState().frontier).toBeGreaterThanOrEqual(2500);
  });

  it('steps back and forward one visible event', () => {
    const store = paused();
    store.runTo(400);
    const before = store.getState().frame.trace.length;
    store.stepBack();
    expect(store.getState().frame.trace.length).toBeLessThan(before);
    store.stepForward();
    expect(store.getState().frame.trace.length).toBe(before);
  });

  it('seeking far past the frontier runs in slices, one per frame, and lands where a fresh run does', () => {
    const store = paused();
    store.seek(60_000);
    expect(store.getState().seeking?.progress).toBeLessThan(1);
    settle(store);
    expect(store.getState().now).toBe(60_000);
    expect(store.getState().frame.trace.hash).toBe(simulate(preset('raft/first-election'), 60_000).traceHash);
  });

  it('a newer seek cancels a long one', () => {
    const store = paused();
    store.seek(600_000);
    expect(store.getState().seeking).not.toBeNull();
    store.seek(300);
    expect(store.getState().seeking).toBeNull();
    expect(store.getState().now).toBe(300);
    expect(store.getState().frame.trace.hash).toBe(simulate(preset('raft/first-election'), 300).traceHash);
  });

  it('seek then act starts a branch; the old future is kept as a branch', () => {
    const store = paused();
    store.runTo(2000);
    store.act({ type: 'crash', node: 'n3' });
    store.runTo(2500);
    const mainHash = store.getState().frame.trace.hash;
    store.seek(600);
    store.act({ type: 'partition', groups: [['n1', 'n2']] });
    const { branches, branchId, frame } = store.getState();
    expect(branches.map((b) => b.name)).toEqual(['main', 'branch 2 from 0.600 s']);
    expect(branches[1]?.action).toBe('partition n1 n2');
    expect(branchId).toBe(2);
    expect(frame.inputs.some((i) => i.type === 'crash')).toBe(false);
    expect(branches[0]?.inputs.some((i) => i.type === 'crash' && i.at === 2000)).toBe(true);
    settle(store).switchBranch(1);
    settle(store);
    expect(store.getState().now).toBe(600); // where the user left it
    expect(store.getState().frame.inputs.some((i) => i.type === 'partition')).toBe(false);
    store.seek(2500);
    settle(store);
    expect(store.getState().frame.trace.hash).toBe(mainHash);
    settle(store).switchBranch(2);
    settle(store);
    expect(store.getState().now).toBe(600);
    expect(store.getState().frame.inputs.some((i) => i.type === 'partition')).toBe(true);
  });

  it('the exported file of a branch replays to the same hash', () => {
    const store = paused();
    store.runTo(1200);
    store.seek(400);
    store.act({ type: 'crash', node: 'n1' });
    store.runTo(1800);
    store.act({ type: 'request', command: 'z=3' });
    store.runTo(2600);
    expect(replayHash(store, 2600)).toBe(store.getState().frame.trace.hash);
  });

  it('acting at the frontier adds to the branch instead of starting a new one', () => {
    const store = paused();
    store.runTo(500);
    store.act({ type: 'crash', node: 'n2' });
    expect(store.getState().branches).toHaveLength(1);
  });

  it('what happened by now excludes the known future after a seek back', () => {
    const store = paused('raft/leader-crash');
    settle(store).seek(3000);
    settle(store);
    const late = recentFor(store.getState().frame, 'n2', 1)[0];
    store.seek(300);
    const early = recentFor(store.getState().frame, 'n2', 1)[0];
    expect(late?.t).toBeGreaterThan(2000);
    expect(early?.t).toBeLessThanOrEqual(300);
  });

  it('the timeline shows markers past the frontier from the whole-run view', () => {
    const store = paused('raft/leader-crash');
    const replies = [...playWholeRun({ key: store.runKey(), fileText: store.fileText() })];
    const done = replies.at(-1);
    if (done?.kind !== 'done') throw new Error('the whole run did not finish');
    store.setWholeRun({ ...done, doneMs: done.horizonMs, isDone: true, traceHash: done.traceHash });
    expect(store.timelineMarkers().some((m) => m.kind === 'fault' && m.t > 1000)).toBe(true);
    store.seekMarker(1);
    expect(store.getState().now).toBeGreaterThan(0);
  });

  it('the whole-run worker computes the hash the command-line runner prints', () => {
    const scenario = preset('raft/figure-8');
    const store = new Store(scenario);
    const done = [...playWholeRun({ key: 'k', fileText: store.fileText() })].at(-1);
    expect(done).toMatchObject({ kind: 'done', traceHash: runScenario(scenario, getProtocol).summary.traceHash });
  });
});
