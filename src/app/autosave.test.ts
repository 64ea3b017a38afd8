import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPresetFile, loadProtocol } from '../protocols';
import { AUTOSAVE_KEY, loadRun, SET_ASIDE_KEY, saveRun } from './autosave';
import { fileNameFor, readScenarioFile } from './scenarioFile';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

const file = getPresetFile('raft/split-vote') as Record<string, unknown>;

describe('autosave', () => {
  it('restores the saved run and the time the user was at', async () => {
    const storage = new MemoryStorage();
    expect(await loadRun(storage, loadProtocol)).toEqual({ kind: 'none' });
    expect(saveRun(storage, { file, nowMs: 1234, presetId: 'raft/split-vote' })).toBe(true);
    const loaded = await loadRun(storage, loadProtocol);
    expect(loaded).toMatchObject({
      kind: 'ok',
      nowMs: 1234,
      presetId: 'raft/split-vote',
      scenario: { title: 'Split vote' },
    });
  });

  it('sets aside a saved run from a newer version, and says so', async () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ version: 7, file, nowMs: 0 }));
    const loaded = await loadRun(storage, loadProtocol);
    expect(loaded).toEqual({
      kind: 'set-aside',
      message:
        'The run saved in this browser could not be restored (it was saved by a newer version of netsplit (format 7)); it was set aside.',
    });
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    expect(storage.getItem(SET_ASIDE_KEY)).toContain('"version":7');
  });

  it('sets aside a saved run whose protocol cannot be fetched (offline), so no autosave overwrites it', async () => {
    const storage = new MemoryStorage();
    saveRun(storage, { file, nowMs: 0, presetId: null });
    const offline = () => Promise.reject(new Error('Failed to fetch dynamically imported module'));
    const loaded = await loadRun(storage, offline);
    expect(loaded).toMatchObject({
      kind: 'set-aside',
      message: expect.stringContaining('protocol: "raft" could not be loaded'),
    });
    expect(storage.getItem(SET_ASIDE_KEY)).toContain('"raft"');
  });

  it('never throws on fuzzed saved state, and leaves nothing broken in place', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc
            .record({ version: fc.constant(1), file: fc.jsonValue(), nowMs: fc.jsonValue() })
            .map((v) => JSON.stringify(v)),
        ),
        async (text) => {
          const storage = new MemoryStorage();
          storage.setItem(AUTOSAVE_KEY, text);
          const loaded = await loadRun(storage, loadProtocol);
          if (loaded.kind === 'set-aside') expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
          expect(loaded.kind).not.toBe('none');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives a storage that refuses to write', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(saveRun(full, { file, nowMs: 0, presetId: null })).toBe(false);
  });
});

describe('scenario files', () => {
  const asFile = (name: string, text: string) => ({ name, size: text.length, text: async () => text });

  it('reads a dropped file, or names the file, the field and the reason', async () => {
    const good = await readScenarioFile(asFile('a.json', JSON.stringify(file)), loadProtocol);
    expect(good.ok).toBe(true);
    const bad = await readScenarioFile(asFile('b.json', JSON.stringify({ ...file, seed: 'x' })), loadProtocol);
    expect(bad).toEqual({ ok: false, errors: [expect.stringMatching(/^b\.json: seed: /)] });
    const huge = await readScenarioFile({ name: 'c.json', size: 6e6, text: async () => '' }, loadProtocol);
    expect(huge.ok).toBe(false);
  });

  it('never throws on a thousand fuzzed files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        async (text) => {
          const result = await readScenarioFile(asFile('f.json', text), loadProtocol);
          if (!result.ok) for (const e of result.errors) expect(e.startsWith('f.json: ')).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('names downloads after the title', () => {
    expect(fileNameFor('Figure 8: why old entries…')).toBe('figure-8-why-old-entries.json');
    expect(fileNameFor('')).toBe('netsplit-scenario.json');
  });
});
