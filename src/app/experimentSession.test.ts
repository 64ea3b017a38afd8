import { describe, expect, it } from 'vitest';
import { type ExperimentPlan, ExperimentSession, trialsPerSecond } from './experimentSession';

/** A stand-in for an experiment worker: answers a seed task with its seed as the measure, on a later tick. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  isTerminated = false;
  postMessage({ task }: { task: { seed: number } }) {
    setTimeout(() => {
      if (this.isTerminated) return;
      const data = task.seed < 0 ? { error: 'seed: must be an unsigned integer' } : { output: { v: task.seed } };
      this.onmessage?.({ data } as MessageEvent);
    }, 1);
  }
  terminate() {
    this.isTerminated = true;
  }
}

const plan = (seeds: number[]): ExperimentPlan => ({
  title: 'test',
  parameters: ['a', 'b'],
  measures: [{ key: 'v', title: 'Seed', unit: '' }],
  trials: seeds.map((seed, i) => ({
    parameter: i % 2 === 0 ? 'a' : 'b',
    trial: Math.floor(i / 2),
    task: { kind: 'seed', fileText: '{}', seed },
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
    const byTrial = [...state.outcomes].sort((x, y) => (x.measures.v ?? 0) - (y.measures.v ?? 0));
    expect(byTrial.map((o) => [o.parameter, o.trial, o.measures.v])).toEqual([
      ['a', 0, 10],
      ['b', 0, 11],
      ['a', 1, 12],
      ['b', 1, 13],
      ['a', 2, 14],
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
