import { getProtocol } from '../protocols';
import { parseScenario } from '../scenario/parse';
import type { Store } from './store';

/**
 * A tiny read-mostly hook for end-to-end tests and the render benchmark: the run's hash and clock,
 * and a way to load a scenario file (the benchmark's 25-node cluster). Tests click like people; they
 * never act through this.
 */
export interface TestHook {
  traceHash(): string;
  now(): number;
  inFlight(): number;
  load(file: unknown, options?: { speed?: number; runUntil?: number }): void;
}

export function installTestHook(store: Store): void {
  const hook: TestHook = {
    traceHash: () => store.getState().sim.traceHash,
    now: () => store.getState().now,
    inFlight: () => store.getState().sim.messagesInFlight().length,
    load(file, options = {}) {
      const result = parseScenario(file, getProtocol);
      if (!result.ok) throw new Error(result.errors.join('; '));
      store.load(result.scenario, null);
      if (options.speed !== undefined) store.setSpeed(options.speed);
      if (options.runUntil !== undefined) store.runTo(options.runUntil);
    },
  };
  (window as unknown as { __netsplit: TestHook }).__netsplit = hook;
}
