import { describe, expect, it } from 'vitest';
import type { Input } from '../engine/types';
import { DEFAULT_PRESET } from '../protocols';
import { scriptMarks } from './branches';
import { presetScenario } from './scenarios';
import { Store } from './store';

function settle(store: Store): Store {
  for (let frame = 0; store.getState().seeking && frame < 10_000; frame++) store.tick(16);
  return store;
}

const later = (inputs: readonly Input[], t: number) => inputs.filter((i) => i.at > t).map((i) => `${i.at} ${i.type}`);

describe('branches keep the script', () => {
  it('acting in the past at 0.6 s in the default scenario keeps its later captions and requests', () => {
    const scenario = presetScenario(DEFAULT_PRESET);
    const store = new Store(scenario, { playing: false, speed: 1 });
    store.runTo(3000);
    const before = later(store.getState().frame.inputs, 600);
    expect(before.some((i) => i.endsWith('caption'))).toBe(true);
    settle(store).seek(600);
    settle(store);
    store.act({ type: 'crash', node: 'n2' });
    const { frame, branchId, branches } = store.getState();
    expect(branchId).toBe(2);
    expect(branches).toHaveLength(2);
    expect(later(frame.inputs, 600)).toEqual(before);
    expect(frame.inputs.filter((i) => i.type === 'crash' && i.at === 600)).toHaveLength(1);
  });

  it("the user's own later inputs stay on the branch they were made on", () => {
    const store = new Store(presetScenario(DEFAULT_PRESET), { playing: false, speed: 1 });
    store.runTo(2000);
    store.act({ type: 'crash', node: 'n3' });
    store.runTo(2500);
    settle(store).seek(600);
    settle(store);
    store.act({ type: 'crash', node: 'n1' });
    const inputs = store.getState().frame.inputs;
    expect(inputs.some((i) => i.type === 'crash' && i.node === 'n3')).toBe(false);
    expect(inputs.some((i) => i.type === 'crash' && i.node === 'n1')).toBe(true);
  });

  it("tells the scenario's inputs from the user's, by content, each scripted input once", () => {
    const script: Input[] = [
      { at: 5, type: 'caption', text: 'hi' },
      { at: 9, type: 'partition', groups: [['n1'], ['n2', 'n3']] },
    ];
    const inputs: Input[] = [
      { type: 'caption', text: 'hi', at: 5 },
      { at: 5, type: 'caption', text: 'hi' },
      { type: 'partition', at: 9, groups: [['n1'], ['n2', 'n3']] },
      { at: 9, type: 'crash', node: 'n1' },
    ];
    expect(scriptMarks(inputs, script)).toEqual([true, false, true, false]);
  });
});
