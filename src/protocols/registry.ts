import type { AnyProtocol } from '../engine/protocol';
import { quote } from '../engine/quote';
import type { PresetEntry, ProtocolDescriptor } from './descriptor';

export interface Registry {
  readonly descriptors: readonly ProtocolDescriptor[];
  /** Every preset of every protocol, in manifest order. */
  readonly presets: readonly PresetEntry[];
  descriptor(id: string): ProtocolDescriptor | undefined;
  /** Loads a protocol (once; later calls share the first load). Undefined for an id no descriptor has. */
  loadProtocol(id: string): Promise<AnyProtocol | undefined>;
  /** A protocol already loaded, for code that runs after loading (the store, the simulation). */
  getProtocol(id: string): AnyProtocol | undefined;
  getPreset(id: string): PresetEntry | undefined;
  /** A preset's scenario file (loaded once). Rejects for an unknown id. */
  loadPreset(id: string): Promise<unknown>;
  /** A preset's scenario file already loaded, else undefined. */
  getPresetFile(id: string): unknown;
}

/**
 * The registry over a list of descriptors: what is known before loading (ids, titles, presets) and
 * what is loaded on demand. A failed load is forgotten, so a later call tries again.
 */
export function createRegistry(descriptors: readonly ProtocolDescriptor[]): Registry {
  const loading = new Map<string, Promise<AnyProtocol>>();
  const loaded = new Map<string, AnyProtocol>();
  const files = new Map<string, Promise<unknown>>();
  const loadedFiles = new Map<string, unknown>();
  const presets = descriptors.flatMap((d) => d.presets);
  const descriptor = (id: string) => descriptors.find((d) => d.id === id);
  const getPreset = (id: string) => presets.find((p) => p.id === id);

  const remember = <T>(cache: Map<string, Promise<T>>, id: string, load: () => Promise<T>): Promise<T> => {
    const cached = cache.get(id);
    if (cached) return cached;
    const promise = load();
    cache.set(id, promise);
    promise.catch(() => cache.delete(id));
    return promise;
  };

  return {
    descriptors,
    presets,
    descriptor,
    getPreset,
    getProtocol: (id) => loaded.get(id),
    getPresetFile: (id) => loadedFiles.get(id),
    loadProtocol(id) {
      const found = descriptor(id);
      if (!found) return Promise.resolve(undefined);
      return remember(loading, id, async () => {
        const protocol = await found.load();
        if (protocol.id !== id) throw new Error(`protocol "${id}" loaded as "${protocol.id}"`);
        loaded.set(id, protocol);
        return protocol;
      });
    },
    loadPreset(id) {
      const found = getPreset(id);
      if (!found) return Promise.reject(new Error(`unknown preset ${quote(id)}`));
      return remember(files, id, async () => {
        const file = await found.load();
        loadedFiles.set(id, file);
        return file;
      });
    },
  };
}
