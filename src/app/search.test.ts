import { describe, expect, it } from 'vitest';
import { fuzzFile, runSeeds } from '../cli/fuzz';
import type { AnyProtocol } from '../engine/protocol';
import { DEFAULT_PRESET, getProtocol } from '../protocols';
import { toFile } from '../scenario/encode';
import { parseScenario } from '../scenario/parse';
import { createSimulation } from '../scenario/run';
import { presetScenario, reconfigure } from './scenarios';
import { type SearchFinding, searchBatch, searchFile } from './search';
import { Store } from './store';

const raft = getProtocol('raft');
if (!raft) throw new Error('raft is not loaded');

/** The default lesson with Raft's `commit-old-term` bug turned on, as the Run tab would set it. */
function buggyRun() {
  const result = reconfigure(presetScenario(DEFAULT_PRESET), { bug: 'commit-old-term' });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.scenario;
}

/** Searches the sweep in batches of `count` until a run fails (or `limit` runs). */
function firstFinding(setup: Record<string, unknown>, count: number, limit: number): SearchFinding | null {
  for (let from = 0; from < limit; from += count) {
    const batch = searchBatch({ setup, sweepSeed: 7, from, count, untilMs: 10_000 }, getProtocol);
    if (batch.finding) return batch.finding;
  }
  return null;
}

describe('a search run is the fuzzer’s inputs under the current run’s setup', () => {
  it('keeps the seed, network, cluster, bug and config; the inputs are the fuzz run’s own', () => {
    const scenario = buggyRun();
    const setup = toFile(scenario, []);
    const seed = runSeeds(7, 3, 1)[0] as number;
    const file = searchFile(setup, raft, seed, 10_000);
    const fuzzed = fuzzFile({ protocol: raft, seed, nodes: 5, untilMs: 10_000, bug: 'commit-old-term' }, seed);
    expect(file.events).toEqual(fuzzed.events);
    expect(file.until).toBe(fuzzed.until);
    const parsed = parseScenario(file, getProtocol);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const { events, until, title, description, ...rest } = parsed.scenario;
    const { events: _e, until: _u, title: _t, description: _d, ...run } = scenario;
    // Everything that sets the run up is the run's: a branch with these inputs replays it (branches.ts).
    expect(rest).toEqual(run);
  });

  it('lets the user’s config keys win over the fuzz config', () => {
    const setup = { ...toFile(buggyRun(), []), config: { preVote: true } };
    const file = searchFile(setup, raft, 1, 10_000);
    expect(file.config).toMatchObject({ preVote: true });
    expect(Object.keys(file.config as object).sort()).toEqual(['checkQuorum', 'maxEntriesPerAppend', 'preVote']);
  });
});

describe('searchBatch', () => {
  it('finds commit-old-term, whatever the batch size, and the finding replays as a branch of the run', () => {
    const scenario = buggyRun();
    const setup = toFile(scenario, []);
    // Batches of four, each stopping at its first failure: no run before the finding's index failed.
    const byFours = firstFinding(setup, 4, 400);
    expect(byFours).not.toBeNull();
    const finding = byFours as SearchFinding;
    const byOnes = searchBatch({ setup, sweepSeed: 7, from: finding.index, count: 1, untilMs: 10_000 }, getProtocol);
    expect(byOnes.finding).toEqual(finding);
    // The branch: the run's own scenario with the found inputs, played as the page plays it (no settle).
    const parsed = parseScenario(finding.file, getProtocol);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const sim = createSimulation({ ...scenario, events: parsed.scenario.events }, getProtocol);
    sim.runUntil(finding.violation.time);
    expect(sim.violations[0]).toEqual(finding.violation);

    // Opened in the store, it becomes the current branch and raises the violation's alert there.
    const store = new Store(scenario, { playing: false, speed: 1 });
    store.runTo(1000);
    const name = `counterexample: ${finding.violation.invariant}`;
    store.openFoundBranch({ name, action: 'found', inputs: parsed.scenario.events }, finding.violation.time);
    for (let frame = 0; store.getState().seeking && frame < 10_000; frame++) store.tick(16);
    const state = store.getState();
    expect(state.branches.map((b) => b.name)).toEqual(['main', name]);
    expect(state.branches.find((b) => b.id === state.branchId)?.name).toBe(name);
    expect(state.now).toBe(finding.violation.time);
    expect(state.alert).toMatchObject({ invariant: finding.violation.invariant, time: finding.violation.time });
    expect(state.alert?.event).toBeGreaterThan(0);
    // The main branch is still there, as it was.
    store.switchBranch(1);
    expect(store.getState().frame.inputs).toEqual(scenario.events);
  });

  it('the correct protocol breaks nothing in a batch, and every run is counted', () => {
    const setup = toFile(presetScenario(DEFAULT_PRESET), []);
    const batch = searchBatch({ setup, sweepSeed: 7, from: 0, count: 6, untilMs: 10_000 }, getProtocol);
    expect(batch).toMatchObject({ runs: 6, finding: null });
    expect(batch.events).toBeGreaterThan(0);
  });

  it('fits a protocol’s own fuzzer to the run on screen: the lock lecture’s two servers and two clients', () => {
    const setup = toFile(presetScenario('lock/lecture'), []);
    const batch = searchBatch({ setup, sweepSeed: 7, from: 0, count: 4, untilMs: 10_000 }, getProtocol);
    expect(batch).toMatchObject({ runs: 4, finding: null });
    for (let from = 0; from < 4; from++) {
      const file = searchFile(setup, getProtocol('lock') as AnyProtocol, runSeeds(7, from, 1)[0] as number, 10_000);
      const named = JSON.stringify(file.events).match(/"[nc]\d+"/g) ?? [];
      expect(new Set(named)).toEqual(new Set(named.filter((n) => /^"(n[12]|c[12])"$/.test(n))));
    }
  });

  it('finds the no-fencing bug on the lock lecture’s own cluster', () => {
    const setup = { ...toFile(presetScenario('lock/lecture'), []), bug: 'no-fencing' };
    const batch = searchBatch({ setup, sweepSeed: 7, from: 0, count: 300, untilMs: 10_000 }, getProtocol);
    expect(batch.finding?.violation.invariant).toBeDefined();
    expect(batch.finding?.file).toMatchObject({ nodes: 2, clients: 2, bug: 'no-fencing' });
  });

  it('names the protocol it cannot find', () => {
    const setup = { ...toFile(presetScenario(DEFAULT_PRESET), []), protocol: 'zab' };
    expect(() => searchBatch({ setup, sweepSeed: 1, from: 0, count: 1, untilMs: 1000 }, getProtocol)).toThrow(
      'protocol: unknown protocol "zab"',
    );
  });
});
