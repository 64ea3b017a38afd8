import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import type { AppState, Store } from './store';

export const StoreContext = createContext<Store | null>(null);

export function useStoreApi(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStoreApi: no <StoreContext.Provider> above this component');
  return store;
}

/**
 * Subscribes to one slice of the app state. The component re-renders only when the slice changes
 * (by `Object.is`, or by `isEqual`), so per-frame changes of `now` reach only those that read it.
 */
export function useStore<T>(selector: (state: AppState) => T, isEqual: (a: T, b: T) => boolean = Object.is): T {
  const store = useStoreApi();
  const last = useRef<{ state: AppState; value: T } | null>(null);
  const getSnapshot = () => {
    const state = store.getState();
    if (last.current?.state === state) return last.current.value;
    const value = selector(state);
    if (last.current && isEqual(last.current.value, value)) {
      last.current = { state, value: last.current.value };
      return last.current.value;
    }
    last.current = { state, value };
    return value;
  };
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}

export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The one requestAnimationFrame loop: it advances virtual time by speed x elapsed wall time. */
export function useClock(store: Store): void {
  useEffect(() => {
    let frame = 0;
    let last: number | null = null;
    const loop = (wallMs: number) => {
      if (last !== null) store.tick(wallMs - last);
      last = wallMs;
      frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, [store]);
}
