import { describe, expect, it } from 'vitest';
import type { AnyProtocol } from '../engine/protocol';
import type { ProtocolDescriptor } from './descriptor';
import { createRegistry } from './registry';

/** A descriptor whose load is counted, and fails the first `failures` times (a dropped connection). */
function counted(id: string, failures = 0) {
  let loads = 0;
  const descriptor: ProtocolDescriptor = {
    id,
    title: id.toUpperCase(),
    summary: `${id} for tests`,
    presets: [
      { id: `${id}/one`, protocol: id, title: 'One', shows: 'The first preset.', load: async () => ({ seed: 1 }) },
    ],
    load: async () => {
      loads++;
      if (loads <= failures) throw new Error('Failed to fetch dynamically imported module');
      return { id, title: id.toUpperCase() } as AnyProtocol;
    },
  };
  return { descriptor, loads: () => loads };
}

describe('the protocol registry', () => {
  it('knows every protocol and preset before loading any, and loads each protocol once', async () => {
    const a = counted('a');
    const b = counted('b');
    const registry = createRegistry([a.descriptor, b.descriptor]);
    expect(registry.presets.map((p) => p.id)).toEqual(['a/one', 'b/one']);
    expect(registry.getProtocol('a')).toBeUndefined();
    const [first, second] = await Promise.all([registry.loadProtocol('a'), registry.loadProtocol('a')]);
    expect(first).toBe(second);
    expect(registry.getProtocol('a')).toBe(first);
    expect(a.loads()).toBe(1);
    expect(b.loads()).toBe(0);
  });

  it('answers undefined for an unknown protocol and rejects an unknown preset', async () => {
    const registry = createRegistry([counted('a').descriptor]);
    await expect(registry.loadProtocol('paxos')).resolves.toBeUndefined();
    await expect(registry.loadPreset('a/none')).rejects.toThrow('unknown preset "a/none"');
  });

  it('forgets a failed load, so the next attempt fetches again', async () => {
    const flaky = counted('a', 1);
    const registry = createRegistry([flaky.descriptor]);
    await expect(registry.loadProtocol('a')).rejects.toThrow('Failed to fetch');
    expect(registry.getProtocol('a')).toBeUndefined();
    await expect(registry.loadProtocol('a')).resolves.toMatchObject({ id: 'a' });
    expect(flaky.loads()).toBe(2);
  });

  it('keeps a loaded preset file for synchronous readers', async () => {
    const registry = createRegistry([counted('a').descriptor]);
    expect(registry.getPresetFile('a/one')).toBeUndefined();
    await registry.loadPreset('a/one');
    expect(registry.getPresetFile('a/one')).toEqual({ seed: 1 });
  });
});
