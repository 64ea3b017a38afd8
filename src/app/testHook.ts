import type { NodeView } from '../engine/types';
import { loadProtocol } from '../protocols';
import { parseScenarioLoading } from '../scenario/parseLoading';
import type { Store } from './store';

/**
 * A tiny read-mostly hook for end-to-end tests and the render benchmark: the run's hash and clock, each
 * node's view, and a way to load a scenario file (the benchmark's 25-node cluster). Tests click like
 * people; they never act through this.
 */
export interface TestHook {
  traceHash(): string;
  now(): number;
  inFlight(): number;
  /** The ids of the messages delivered by now, from the trace (the space-time diagram draws one arrow each). */
  deliveredIds(): number[];
  /** Each node's liveness and the protocol's view of it, in cluster order. */
  nodes(): { id: string; isUp: boolean; view: NodeView }[];
  /** The worker's trace hash of the whole run (to the scenario's end), once it has finished. */
  fingerprint(): string | null;
  /** Resolves once the file's protocol (and its pieces of the page) are loaded and the run is in place. */
  load(file: unknown, options?: { speed?: number; runUntil?: number }): Promise<void>;
}

/** `prepare` loads what the page needs besides the protocol itself (its panels) before a run opens. */
export function installTestHook(store: Store, prepare: (protocol: string) => Promise<unknown>): void {
  const hook: TestHook = {
    traceHash: () => store.getState().frame.trace.hash,
    now: () => store.getState().now,
    inFlight: () => store.getState().frame.messages.length,
    deliveredIds: () => {
      const { trace } = store.getState().frame;
      return trace.records.slice(0, trace.length).flatMap((r) => (r.kind === 'deliver' ? [r.id] : []));
    },
    nodes: () => {
      // As JSON writes them: a view may hold a wide record (engine/kit/wide.ts), which the browser's
      // serialiser would show by its chunks instead of its entries.
      return store
        .getState()
        .frame.nodes.map(({ id, isUp, view }) => ({ id, isUp, view: JSON.parse(JSON.stringify(view)) }));
    },
    fingerprint: () => store.currentWholeRun()?.traceHash ?? null,
    async load(file, options = {}) {
      const result = await parseScenarioLoading(file, loadProtocol);
      if (!result.ok) throw new Error(result.errors.join('; '));
      await prepare(result.scenario.protocol);
      store.load(result.scenario, null);
      if (options.speed !== undefined) store.setSpeed(options.speed);
      if (options.runUntil !== undefined) store.runTo(options.runUntil);
    },
  };
  (window as unknown as { __netsplit: TestHook }).__netsplit = hook;
}
