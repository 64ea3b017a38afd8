import { describe, expect, it } from 'vitest';
import { runNameOf } from './runName';
import { presetScenario, reconfigure } from './scenarios';
import { Store } from './store';

describe('the run has one name', () => {
  const scenario = presetScenario('raft/leader-crash');

  it('is the preset while it is the preset as it ships', () => {
    expect(runNameOf(scenario, scenario.events, 'raft/leader-crash')).toMatchObject({
      kind: 'preset',
      title: 'Leader crash and re-election',
      kindWords: 'preset',
    });
  });

  it('is a modified preset after a bug, a size, an action; custom without a preset', () => {
    const bug = reconfigure(scenario, { bug: 'commit-old-term' });
    if (!bug.ok) throw new Error('reconfigure failed');
    expect(runNameOf(bug.scenario, bug.scenario.events, 'raft/leader-crash').kind).toBe('modified');
    const store = new Store(scenario, { playing: false, presetId: 'raft/leader-crash' });
    store.act({ type: 'crash', node: 'n3' });
    const { frame, presetId } = store.getState();
    expect(runNameOf(scenario, frame.inputs, presetId)).toMatchObject({
      kind: 'modified',
      title: 'Leader crash and re-election',
      presetTitle: 'Leader crash and re-election',
      kindWords: 'modified preset',
    });
    expect(runNameOf({ ...scenario, title: '' }, scenario.events, null)).toMatchObject({
      kind: 'custom',
      title: 'Untitled run',
    });
  });
});
