import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { runScenario } from '../scenario/run';
import { presetScenario } from './scenarios';
import { Store } from './store';

/** The Plots tab's data as the app holds it: samples up to now, across seeks and a branch, as the runner takes them. */
describe('series in the app', () => {
  /** Seeks and lets a long seek finish, a frame at a time, as the page would. */
  const seek = (store: Store, t: number) => {
    store.seek(t);
    for (let frame = 0; store.getState().seeking && frame < 10_000; frame++) store.tick(16);
  };

  it('has the runner’s samples up to now, after playing, seeking back and seeking on', () => {
    const id = 'raft/leader-crash';
    const store = new Store(presetScenario(id), { playing: false, speed: 1 });
    seek(store, 2500);
    seek(store, 700);
    const sampler = store.getState().frame.series;
    const table = sampler?.table(store.getState().now);
    expect(table?.times.at(-1)).toBe(700);
    seek(store, 4000);
    const runner = runScenario(presetScenario(id), getProtocol).summary.series;
    expect(sampler?.points()).toEqual(runner);
  });

  it('forgets the old future once the user acts in the past, and samples the new one', () => {
    const store = new Store(presetScenario('raft/leader-crash'), { playing: false, speed: 1 });
    seek(store, 2500);
    seek(store, 700);
    const sampler = store.getState().frame.series;
    const revision = sampler?.revision ?? 0;
    store.act({ type: 'crash', node: 'n2' });
    expect(sampler?.revision).toBeGreaterThan(revision);
    expect(sampler?.count).toBeLessThanOrEqual(8);
    seek(store, 1200);
    const n2 = store
      .getState()
      .frame.series?.table(1200)
      .columns.find((c) => c.key === 'term.n2');
    expect(n2?.values.slice(8)).toEqual([null, null, null, null, null]);
  });
});
