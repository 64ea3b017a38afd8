import { describe, expect, it } from 'vitest';
import { pendingOf } from '../app/pending';
import { presetScenario } from '../app/scenarios';
import { Store } from '../app/store';
import { openFile, openPreset, openProtocol } from './open';
import { protocolUi } from './protocols';

const asFile = (text: string) => ({ name: 'mine.json', size: text.length, text: async () => text }) as unknown as File;

describe('opening a run of another protocol', () => {
  it('loads the protocol and its panels first, then switches, paused when asked', async () => {
    const store = new Store(presetScenario('raft/first-election'), { playing: false });
    expect(await openPreset(store, '2pc/committed', { playing: false })).toBe(true);
    expect(store.getState()).toMatchObject({ presetId: '2pc/committed', playing: false });
    expect(store.getState().scenario.protocol).toBe('2pc');
    expect(protocolUi('2pc').panelTitle).toBe('Transactions');
    expect(pendingOf(store).getTitle()).toBeNull();
  });

  it('switches protocol to its first preset', async () => {
    const store = new Store(presetScenario('2pc/committed'), { playing: false });
    expect(await openProtocol(store, 'raft')).toBe(true);
    expect(store.getState().presetId).toBe('raft/first-election');
  });

  it('keeps only the latest of two quick choices', async () => {
    const store = new Store(presetScenario('raft/first-election'), { playing: false });
    const first = openPreset(store, '2pc/committed');
    const second = openPreset(store, 'raft/split-vote');
    expect(await Promise.all([first, second])).toEqual([false, true]);
    expect(store.getState().presetId).toBe('raft/split-vote');
  });

  it('a file naming an unknown protocol is reported by field, and the run stays as it was', async () => {
    const store = new Store(presetScenario('raft/first-election'), { playing: false });
    store.act({ type: 'crash', node: 'n2' });
    const before = store.getState();
    const text = JSON.stringify({ format: 'netsplit-scenario', version: 1, protocol: 'zab', seed: 1, nodes: 3 });
    expect(await openFile(store, asFile(text))).toBe(false);
    expect(store.getState().frame).toBe(before.frame);
    expect(store.getState().runId).toBe(before.runId);
    expect(store.getState().message?.text).toBe(
      'The file could not be opened: mine.json: protocol: unknown protocol "zab". Your run is unchanged.',
    );
  });
});
