import { describe, expect, it } from 'vitest';
import { loadProtocol } from '../protocols';
import { AUTOSAVE_KEY, SET_ASIDE_KEY, saveRun } from './autosave';
import { presetScenario } from './scenarios';
import { chooseStart, linkFor, openLinkInTab, openParsed, startAutosave } from './session';
import { readSharedScenario } from './share';
import { Store } from './store';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

/** Lets a long seek finish, a frame at a time, as the page would. */
function settle(store: Store): Store {
  for (let frame = 0; store.getState().seeking && frame < 10_000; frame++) store.tick(16);
  return store;
}

describe('opening, sharing and saving a run', () => {
  it('a link beats ?preset, which beats the autosave, which beats the default', async () => {
    const store = new Store(presetScenario('raft/leader-crash'), { playing: false });
    store.seek(900);
    settle(store);
    const link = new URL(linkFor(store, 'https://example.org/netsplit/?preset=raft/split-vote'));
    const storage = memoryStorage();
    saveRun(storage, {
      file: JSON.parse(new Store(presetScenario('2pc/committed')).fileText()),
      nowMs: 5,
      presetId: null,
    });
    const fromLink = await chooseStart({ search: '?preset=raft/split-vote', hash: link.hash }, storage);
    expect(fromLink).toMatchObject({ nowMs: 900, playing: false, message: null });
    expect(fromLink.scenario.title).toBe('Leader crash and re-election');
    expect((await chooseStart({ search: '?preset=raft/split-vote', hash: '' }, storage)).presetId).toBe(
      'raft/split-vote',
    );
    expect((await chooseStart({ search: '', hash: '' }, storage)).scenario.protocol).toBe('2pc');
    expect((await chooseStart({ search: '?preset=raft/split-vote', hash: '' }, null)).presetId).toBe('raft/split-vote');
  });

  it('a link carries the speed and the preset the run came from', async () => {
    const store = new Store(presetScenario('raft/leader-crash'), {
      playing: false,
      presetId: 'raft/leader-crash',
      speed: 0.2,
    });
    store.act({ type: 'crash', node: 'n2' });
    const link = new URL(linkFor(store, 'https://example.org/netsplit/'));
    expect(link.hash).toMatch(/&speed=0\.2&from=raft%2Fleader-crash$/);
    const start = await chooseStart({ search: '', hash: link.hash }, null);
    expect(start).toMatchObject({ speed: 0.2, presetId: 'raft/leader-crash' });
    // The address's own ?speed= (an embed snippet's) wins; an unknown preset or a bad speed is ignored.
    expect((await chooseStart({ search: '?speed=3', hash: link.hash }, null)).speed).toBe(3);
    const odd = `${link.hash.replace(/&speed=[^&]*/, '&speed=-1').replace(/&from=.*/, '&from=nope/x')}`;
    expect(await chooseStart({ search: '', hash: odd }, null)).toMatchObject({ speed: 0.05, presetId: null });
  });

  it('a link pasted into an open tab opens its run; a bad one leaves the run as it was', async () => {
    const source = new Store(presetScenario('raft/split-vote'), { playing: false });
    source.seek(300);
    settle(source);
    const hash = new URL(linkFor(source, 'https://example.org/')).hash;
    const store = new Store(presetScenario('raft/leader-crash'), { playing: false });
    const prepared: string[] = [];
    const prepare = async (id: string) => void prepared.push(id);
    expect(await openLinkInTab(store, '#s=garbage', prepare)).toBe(false);
    expect(store.getState().scenario.title).toBe('Leader crash and re-election');
    expect(store.getState().message?.text).toMatch(/^This link could not be opened: link: .*Your run is unchanged\.$/);
    expect(await openLinkInTab(store, '#nothing', prepare)).toBe(false);
    expect(await openLinkInTab(store, hash, prepare)).toBe(true);
    settle(store);
    expect(store.getState().scenario.title).toBe(source.getState().scenario.title);
    expect(store.getState().now).toBe(300);
    expect(store.getState().frame.trace.hash).toBe(source.getState().frame.trace.hash);
    expect(prepared).toContain('raft');
  });

  it("times in links and saves are bounded like the format's (a day): a larger one opens at 0", async () => {
    const store = new Store(presetScenario('raft/split-vote'), { playing: false });
    const hash = `${new URL(linkFor(store, 'https://example.org/')).hash}&t=1000000000000`;
    expect((await chooseStart({ search: '', hash }, null)).nowMs).toBe(0);
    const storage = memoryStorage();
    saveRun(storage, { file: JSON.parse(store.fileText()), nowMs: 1e12, presetId: null });
    expect((await chooseStart({ search: '', hash: '' }, storage)).nowMs).toBe(0);
  });

  it('a bad link is reported by field and reason, and the next source opens', async () => {
    const start = await chooseStart({ search: '', hash: '#s=garbage' }, null);
    expect(start.presetId).toBe('raft/first-election');
    expect(start.message?.text).toMatch(/^This link could not be opened: link: /);
  });

  it('a broken save is set aside and reported, never a crash', async () => {
    const storage = memoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{"version": 99, "file": {}}');
    const start = await chooseStart({ search: '', hash: '' }, storage);
    expect(start.message?.text).toMatch(/newer version/);
    expect(storage.map.has(SET_ASIDE_KEY)).toBe(true);
  });

  it('a bad file leaves the current run exactly as it was', async () => {
    const store = new Store(presetScenario('raft/first-election'), { playing: false });
    store.seek(800);
    settle(store);
    store.act({ type: 'crash', node: 'n2' });
    const before = store.getState();
    const result = await readSharedScenario('#s=N4Ig', loadProtocol);
    expect(openParsed(store, result, 'The link')).toBe(false);
    const after = store.getState();
    expect(after.frame).toBe(before.frame);
    expect(after.now).toBe(before.now);
    expect(after.frame.trace.hash).toBe(before.frame.trace.hash);
    expect(after.message?.text).toMatch(/Your run is unchanged/);
  });

  it('autosave keeps the inputs and the time the user is at', async () => {
    const store = new Store(presetScenario('raft/first-election'), { playing: false });
    const storage = memoryStorage();
    const stop = startAutosave(store, storage);
    store.seek(700);
    settle(store);
    store.act({ type: 'crash', node: 'n4' });
    await new Promise((resolve) => setTimeout(resolve, 600));
    stop();
    const start = await chooseStart({ search: '', hash: '' }, storage);
    expect(start.nowMs).toBe(700);
    const restored = new Store(start.scenario, { playing: false });
    if (start.branches) restored.restoreBranches(start.branches, start.nowMs);
    settle(restored);
    expect(restored.getState().frame.inputs.some((e) => e.type === 'crash' && e.node === 'n4')).toBe(true);
    expect(restored.getState().frame.trace.hash).toBe(store.getState().frame.trace.hash);
  });

  it('branches survive a reload with the autosave, and still tell the script from the user', async () => {
    const store = new Store(presetScenario('raft/first-election'), { playing: false, speed: 1 });
    const storage = memoryStorage();
    const stop = startAutosave(store, storage);
    store.runTo(2000);
    settle(store).seek(600);
    settle(store);
    store.act({ type: 'crash', node: 'n2' });
    store.runTo(1200);
    await new Promise((resolve) => setTimeout(resolve, 600));
    stop();
    const before = store.getState();
    const start = await chooseStart({ search: '', hash: '' }, storage);
    expect(start.scenario.events).toEqual(presetScenario('raft/first-election').events);
    const restored = new Store(start.scenario, { playing: false });
    restored.restoreBranches(start.branches ?? { branches: [], branchId: 0 }, start.nowMs);
    settle(restored);
    const after = restored.getState();
    expect(after.branches.map((b) => [b.id, b.name, b.forkAtMs])).toEqual(
      before.branches.map((b) => [b.id, b.name, b.forkAtMs]),
    );
    expect(after.branchId).toBe(2);
    expect(after.now).toBe(1200);
    expect(after.frame.trace.hash).toBe(before.frame.trace.hash);
    restored.switchBranch(1);
    settle(restored);
    expect(restored.getState().now).toBe(600);
    expect(restored.getState().frame.inputs.some((i) => i.type === 'crash')).toBe(false);
  });

  it('a damaged branch list restores the run without its branches', async () => {
    const store = new Store(presetScenario('raft/first-election'), { playing: false });
    const storage = memoryStorage();
    const file = JSON.parse(store.fileText());
    const history = { script: file.events, branchId: 1, branches: [{ id: 1, name: 'main', inputs: 'no' }] };
    saveRun(storage, { file, nowMs: 0, presetId: null, history: history as never });
    const start = await chooseStart({ search: '', hash: '' }, storage);
    expect(start.branches).toBeUndefined();
    expect(start.scenario.events).toEqual(file.events);
  });
});
