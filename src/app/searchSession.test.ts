import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRESET, getProtocol } from '../protocols';
import { toFile } from '../scenario/encode';
import { parseScenario } from '../scenario/parse';
import { createSimulation } from '../scenario/run';
import { presetScenario, reconfigure } from './scenarios';
import { type SearchFinding, type SearchTask, searchBatch } from './search';
import { SearchSession, type SearchState } from './searchSession';
import type { ShrinkReply, ShrinkRequest } from './shrink.worker';
import { type ShrunkFinding, shrinkFinding } from './shrinkFinding';
import { Store } from './store';

/** A Web Worker stand-in that answers each message with `answer`'s replies, on a later tick, as a worker does. */
class InThreadWorker<I> {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor(private readonly answer: (input: I, post: (reply: unknown) => void) => void) {}
  postMessage(input: I) {
    setTimeout(() => this.answer(input, (reply) => this.onmessage?.({ data: reply } as MessageEvent)), 0);
  }
  terminate() {
    this.onmessage = null;
  }
}

const worker =
  <I>(answer: (input: I, post: (reply: unknown) => void) => void) =>
  async () =>
    new InThreadWorker(answer) as unknown as Worker;

/** The search worker's side, played in this thread: search.worker.ts does exactly this. */
const searchWorker = worker<SearchTask>((task, post) => post({ output: searchBatch(task, getProtocol) }));
/** A shrink that never answers, so the test can stop it or change the run meanwhile. */
const stuckShrink = worker<ShrinkRequest>(() => {});

function buggyRun() {
  const result = reconfigure(presetScenario(DEFAULT_PRESET), { bug: 'commit-old-term' });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.scenario;
}

/** Waits until the session's state satisfies `isDone`. */
function until(session: SearchSession, isDone: (s: SearchState) => boolean): Promise<SearchState> {
  return new Promise((resolve) => {
    if (isDone(session.getState())) resolve(session.getState());
    const off = session.subscribe(() => {
      if (!isDone(session.getState())) return;
      off();
      resolve(session.getState());
    });
  });
}

function settle(store: Store): void {
  for (let frame = 0; store.getState().seeking && frame < 10_000; frame++) store.tick(16);
}

/**
 * The sweep's first failing run and its shrink, computed once (they take seconds); the worker stand-ins below
 * hand them back as the real workers would, so each test checks the session without replaying them.
 */
let finding: SearchFinding;
let shrunk: ShrunkFinding;
const progressSeen: [number, number][] = [];
const knownSearch = worker<SearchTask>((task, post) => {
  const holds = task.from <= finding.index && finding.index < task.from + task.count;
  const runs = holds ? finding.index - task.from + 1 : task.count;
  post({ output: { runs, events: runs, finding: holds ? finding : null } });
});
const knownShrink = worker<ShrinkRequest>((_request, post) => {
  for (const [runs, inputs] of progressSeen) post({ kind: 'progress', runs, inputs } satisfies ShrinkReply);
  post({ kind: 'done', result: shrunk } satisfies ShrinkReply);
});

beforeAll(() => {
  const setup = toFile(buggyRun(), []);
  for (let from = 0; from < 400 && !finding; from += 4) {
    const batch = searchBatch({ setup, sweepSeed: buggyRun().seed, from, count: 4, untilMs: 10_000 }, getProtocol);
    if (batch.finding) finding = batch.finding;
  }
  if (!finding) throw new Error('the search found nothing');
  shrunk = shrinkFinding(finding, getProtocol, 10_000, (runs, inputs) => progressSeen.push([runs, inputs]));
}, 120_000);

describe('shrinkFinding', () => {
  it('shrinks the commit-old-term counterexample to a few inputs that still break it as a branch of the run', () => {
    expect(shrunk.isShrunk).toBe(true);
    expect(shrunk.violation.invariant).toBe(finding.violation.invariant);
    expect(shrunk.inputsBefore).toBe((finding.file.events as unknown[]).length);
    expect(shrunk.inputsAfter).toBeLessThanOrEqual(10);
    expect(shrunk.inputsAfter).toBeLessThan(shrunk.inputsBefore);
    // Progress came in as it went, and never grew the inputs.
    expect(progressSeen.length).toBeGreaterThan(0);
    expect(progressSeen.every(([, n], i) => i === 0 || n <= (progressSeen[i - 1] as [number, number])[1])).toBe(true);
    // Only the inputs and the end changed: the setup is the run's, so it is a branch of it, and it replays there.
    const { events, until, ...shrunkSetup } = shrunk.file;
    const { events: _e, until: _u, ...foundSetup } = finding.file;
    expect(shrunkSetup).toEqual(foundSetup);
    const parsed = parseScenario(shrunk.file, getProtocol);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const sim = createSimulation({ ...buggyRun(), events: parsed.scenario.events }, getProtocol);
    sim.runUntil(shrunk.violation.time);
    expect(sim.violations[0]).toEqual(shrunk.violation);
  });
});

describe('SearchSession', () => {
  it('searches, shrinks and opens the counterexample as a branch standing at its violation', async () => {
    const store = new Store(buggyRun(), { playing: true, speed: 1 });
    const session = new SearchSession(store, { search: knownSearch, shrink: knownShrink, size: 2 });
    session.start({ runs: 400, seconds: null });
    expect(store.getState().playing).toBe(false);
    const done = await until(session, (s) => !s.isBusy);
    expect(done.progress).toMatchObject({ status: 'found', finding: { index: finding.index } });
    const outcome = done.shrinking?.outcome;
    if (!outcome || !('after' in outcome)) throw new Error(`not shrunk: ${JSON.stringify(outcome)}`);
    expect(outcome.after).toBeLessThan(outcome.before);
    expect(done.opened).toBe(`Opened as the branch “counterexample: ${finding.violation.invariant}”.`);
    settle(store);
    const state = store.getState();
    const branch = state.branches.find((b) => b.id === state.branchId);
    expect(branch?.name).toBe(`counterexample: ${finding.violation.invariant}`);
    expect(branch?.action).toBe(`${outcome.after} inputs (shrunk from ${outcome.before}), fuzz seed ${finding.seed}`);
    expect(state.frame.inputs).toHaveLength(outcome.after);
    expect(state.alert).toMatchObject({ invariant: finding.violation.invariant, time: outcome.violation.time });
  });

  it('Stop during the shrink opens the counterexample as it was found', async () => {
    const store = new Store(buggyRun(), { playing: false, speed: 1 });
    const session = new SearchSession(store, { search: knownSearch, shrink: stuckShrink, size: 2 });
    session.start({ runs: null, seconds: null });
    await until(session, (s) => s.shrinking !== null);
    session.stop();
    const done = await until(session, (s) => !s.isBusy);
    expect(done.shrinking?.outcome).toEqual({ problem: 'the shrink was stopped' });
    settle(store);
    const state = store.getState();
    const found = (finding.file.events as unknown[]).length;
    expect(state.branches.find((b) => b.id === state.branchId)?.action).toBe(
      `${found} inputs, fuzz seed ${finding.seed}`,
    );
    expect(state.now).toBe(finding.violation.time);
    expect(state.alert?.invariant).toBe(finding.violation.invariant);
  });

  it('does not open a counterexample on a run that changed meanwhile', async () => {
    const store = new Store(buggyRun(), { playing: false, speed: 1 });
    const session = new SearchSession(store, { search: knownSearch, shrink: stuckShrink, size: 2 });
    session.start({ runs: null, seconds: null });
    await until(session, (s) => s.shrinking !== null);
    store.load(presetScenario(DEFAULT_PRESET));
    session.stop();
    const done = await until(session, (s) => !s.isBusy);
    expect(done.opened).toMatch(/The run changed during the search/);
    expect(store.getState().branches).toHaveLength(1);
  });

  it('ends with no violation when the budget runs out on the correct protocol', async () => {
    const store = new Store(presetScenario(DEFAULT_PRESET), { playing: false, speed: 1 });
    const session = new SearchSession(store, { search: searchWorker, shrink: stuckShrink, size: 2 });
    session.start({ runs: 6, seconds: null });
    const done = await until(session, (s) => !s.isBusy);
    expect(done.progress).toMatchObject({ status: 'exhausted', runs: 6, finding: null });
    expect(done.shrinking).toBeNull();
    expect(done.opened).toBeNull();
  });
});
