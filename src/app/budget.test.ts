import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { toFileText } from '../scenario/encode';
import { parseScenario } from '../scenario/parse';
import { runScenario } from '../scenario/run';
import type { Scenario } from '../scenario/types';
import { Store } from './store';
import { playWholeRun } from './wholeRun';

function scenarioOf(file: Record<string, unknown>): Scenario {
  const parsed = parseScenario(
    { format: 'netsplit-scenario', version: 1, protocol: 'raft', seed: 2, ...file },
    getProtocol,
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.scenario;
}

const lastReply = (scenario: Scenario, maxEvents?: number) =>
  [...playWholeRun({ key: 'k', fileText: toFileText(scenario) }, () => 0, maxEvents)].at(-1);

describe('one budget and one horizon for the runner, the worker and the live run', () => {
  it("the fingerprint of a two-hour scenario is the runner's hash (no silent one-hour horizon)", () => {
    const twoHours = scenarioOf({
      nodes: 3,
      until: 7_200_000,
      config: { electionTimeoutMs: [3000, 6000], heartbeatMs: 1000 },
      events: [{ at: 3_700_000, type: 'crash', node: 'leader' }],
    });
    const reply = lastReply(twoHours);
    expect(reply).toMatchObject({ kind: 'done', horizonMs: 7_200_000 });
    expect(reply?.kind === 'done' && reply.traceHash).toBe(runScenario(twoHours, getProtocol).summary.traceHash);
  });

  it('the worker says a run passed its budget instead of a fingerprint, as the runner refuses it', () => {
    const huge = scenarioOf({ nodes: 64, until: 86_400_000 });
    const reply = lastReply(huge, 3000);
    expect(reply).toMatchObject({ kind: 'over-budget', horizonMs: 86_400_000 });
    expect(reply?.kind === 'over-budget' && reply.message).toMatch(/budget of 3,000 events/);
  });

  it('the live run stops at the budget, says why, and still answers', () => {
    const store = new Store(scenarioOf({ nodes: 64, until: 86_400_000 }), { speed: 1000, maxEvents: 3000 });
    for (let frame = 0; frame < 200 && store.getState().playing; frame++) store.tick(16);
    const { playing, notice, frame } = store.getState();
    expect(playing).toBe(false);
    expect(frame.steps).toBe(3000);
    expect(notice).toMatch(/^Stopped: the run stopped at .* budget of 3,000 events/);
    store.seek(10_000_000);
    for (let i = 0; i < 200 && store.getState().seeking; i++) store.tick(16);
    expect(store.getState().seeking).toBeNull();
    expect(store.getState().notice).toMatch(/budget of 3,000 events/);
  });
});

describe('the trace-record budget in the app', () => {
  it('the live run and the worker stop at the record budget, saying which budget and how to raise it', () => {
    const huge = scenarioOf({ nodes: 64, until: 86_400_000 });
    const store = new Store(huge, { speed: 1000, maxRecords: 4000 });
    for (let frame = 0; frame < 200 && store.getState().playing; frame++) store.tick(16);
    const { playing, notice } = store.getState();
    expect(playing).toBe(false);
    expect(notice).toMatch(
      /^Stopped: the run stopped at .* budget of 4,000 trace records \(raise it with --max-records/,
    );
    const reply = [...playWholeRun({ key: 'k', fileText: toFileText(huge) }, () => 0, 1_000_000, 4000)].at(-1);
    expect(reply).toMatchObject({ kind: 'over-budget', horizonMs: 86_400_000 });
    expect(reply?.kind === 'over-budget' && reply.message).toMatch(/budget of 4,000 trace records/);
  });

  it('a seek past the record budget ends there with the notice', () => {
    const store = new Store(scenarioOf({ nodes: 64, until: 86_400_000 }), { playing: false, maxRecords: 4000 });
    store.seek(10_000_000);
    for (let i = 0; i < 400 && store.getState().seeking; i++) store.tick(16);
    expect(store.getState().seeking).toBeNull();
    expect(store.getState().notice).toMatch(/budget of 4,000 trace records/);
  });
});

describe('a long seek can be stopped', () => {
  it('Stop ends the seek where it has got to, paused there', () => {
    const store = new Store(scenarioOf({ nodes: 9, until: 86_400_000 }), { playing: false });
    store.seek(5_000_000);
    store.tick(16);
    expect(store.getState().seeking).not.toBeNull();
    store.stopSeek();
    const { seeking, now, playing } = store.getState();
    expect(seeking).toBeNull();
    expect(playing).toBe(false);
    expect(now).toBeGreaterThan(0);
    expect(now).toBeLessThan(5_000_000);
  });
});

describe("the page's frame budget", () => {
  it('a frame stops its engine work at the wall-time budget and goes on next frame, with the same run', () => {
    const scenario = scenarioOf({ nodes: 25, until: 20_000 });
    let wall = 0;
    // Every look at the clock costs a millisecond: a frame gets a handful of looks before its 12 ms are gone.
    const store = new Store(scenario, { speed: 1000, frameWork: { maxMs: 12, clock: () => wall++ } });
    store.tick(16);
    const first = store.getState().frame.steps;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(64 * 13);
    for (let i = 0; i < 5000 && store.getState().now < 5000; i++) store.tick(16);
    store.runTo(6000);
    const plain = new Store(scenario, { playing: false });
    plain.runTo(6000);
    expect(store.getState().frame.trace.hash).toBe(plain.getState().frame.trace.hash);
  });
});
