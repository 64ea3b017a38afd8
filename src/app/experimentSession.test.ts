import { describe, expect, it } from 'vitest';
import type { Experiment, Trial } from '../experiment/types';
import { type ExperimentPlan, ExperimentSession, trialsPerSecond } from './experimentSession';

/** A stand-in for an experiment worker: answers a trial with its seed as the value, on a later tick. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  isTerminated = false;
  postMessage(trial: Trial) {
    setTimeout(() => {
      if (this.isTerminated) return;
      const result = {
        parameter: trial.parameter,
        index: trial.index,
        seed: trial.seed,
        value: trial.seed,
        violations: 0,
        events: 1,
      };
      const data = trial.seed < 0 ? { error: 'seed: must be an unsigned integer' } : { output: result };
      this.onmessage?.({ data } as MessageEvent);
    }, 1);
  }
  terminate() {
    this.isTerminated = true;
  }
}

const plan = (seeds: number[]): ExperimentPlan => ({
  // The session reads only the trials; the experiment travels with them to whoever summarizes.
  experiment: {} as Experiment,
  trials: seeds.map((seed, i) => ({
    parameter: i % 2,
    label: i % 2 === 0 ? 'a' : 'b',
    index: Math.floor(i / 2),
    seed,
    scenario: {},
    measure: { kind: 'fact', fact: 'f', field: 'x' },
    untilMs: 1000,
  })),
});

const session = () => {
  let t = 0;
  const made: FakeWorker[] = [];
  const s = new ExperimentSession({
    size: 2,
    clock: () => (t += 10),
    publishEveryMs: 0,
    create: async () => {
      const w = new FakeWorker();
      made.push(w);
      return w as unknown as Worker;
    },
  });
  return { s, made };
};

describe('the page’s experiment session', () => {
  it('runs every trial in the pool and keeps each answer with its parameter and trial', async () => {
    const { s, made } = session();
    const published: number[] = [];
    s.subscribe(() => published.push(s.getState().done));
    await s.start(plan([10, 11, 12, 13, 14]));
    const state = s.getState();
    expect(state.status).toBe('done');
    expect(state.done).toBe(5);
    expect(made).toHaveLength(2);
    expect(made.every((w) => w.isTerminated)).toBe(true);
    const bySeed = [...state.results].sort((x, y) => x.seed - y.seed);
    expect(bySeed.map((r) => [r.parameter, r.index, r.value])).toEqual([
      [0, 0, 10],
      [1, 0, 11],
      [0, 1, 12],
      [1, 1, 13],
      [0, 2, 14],
    ]);
    // Progress was published as trials arrived, not only at the end.
    expect(published.filter((d) => d > 0 && d < 5).length).toBeGreaterThan(0);
    expect(trialsPerSecond(state)).toBeGreaterThan(0);
  });

  it('stops at Cancel: the workers end, the answers so far stay, the state says cancelled', async () => {
    const { s, made } = session();
    const ended = s.start(plan(Array.from({ length: 200 }, (_, i) => i)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    s.cancel();
    await ended;
    const state = s.getState();
    expect(state.status).toBe('cancelled');
    expect(state.done).toBeLessThan(200);
    expect(made.every((w) => w.isTerminated)).toBe(true);
  });

  it('reports a worker’s error and a new plan replaces the old one', async () => {
    const { s } = session();
    await s.start(plan([1, -1, 2]));
    expect(s.getState().status).toBe('failed');
    expect(s.getState().error).toMatch(/seed/);
    const first = s.start(plan(Array.from({ length: 100 }, (_, i) => i)));
    const second = s.start(plan([5]));
    await Promise.all([first, second]);
    expect(s.getState()).toMatchObject({ status: 'done', done: 1 });
  });
});
