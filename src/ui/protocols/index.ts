import type { ProtocolUi } from './types';

/**
 * Each protocol's pieces of the workbench, found by folder: `./<protocol id>/index.ts` default-exports
 * its ProtocolUi. Each loads on demand (a chunk of its own), so a protocol's UI needs no line here and
 * the first screen carries only the one it shows. A protocol without a folder gets the generic UI.
 */
const modules = import.meta.glob<{ default: ProtocolUi }>('./*/index.ts');

const loaded = new Map<string, ProtocolUi>();
const loading = new Map<string, Promise<ProtocolUi>>();
const NONE: ProtocolUi = {};

const loaderOf = (id: string) => modules[`./${id}/index.ts`];

/** Loads a protocol's UI pieces (once); `{}` for a protocol that has none. A failed load is retried next time. */
export function loadProtocolUi(id: string): Promise<ProtocolUi> {
  const cached = loading.get(id);
  if (cached) return cached;
  const load = loaderOf(id);
  if (!load) return Promise.resolve(NONE);
  const promise = load().then((module) => {
    loaded.set(id, module.default);
    return module.default;
  });
  loading.set(id, promise);
  promise.catch(() => loading.delete(id));
  return promise;
}

/** Whether a protocol's UI pieces still have to be fetched. */
export function isProtocolUiLoaded(id: string): boolean {
  return loaded.has(id) || !loaderOf(id);
}

/** A protocol's UI pieces once loaded (`loadProtocolUi`), else the generic UI. */
export function protocolUi(id: string): ProtocolUi {
  return loaded.get(id) ?? NONE;
}
