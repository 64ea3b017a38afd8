import type { OpResult } from '../clients';
import type { NodeId, Payload, VirtualMs } from '../types';

/**
 * What a protocol step asks for, as data: the protocol's rules return these (tldraw's kernels: plans,
 * not effects), `perform` hands them to XState inside an action, and the engine alone carries them out.
 */
export type Action =
  | { readonly kind: 'send'; readonly to: NodeId; readonly message: Payload }
  | { readonly kind: 'reply'; readonly command: string; readonly ok: boolean; readonly note: string }
  | {
      readonly kind: 'start';
      readonly name: string;
      readonly key?: string;
      readonly delayMs: VirtualMs;
      readonly event: Payload;
    }
  | { readonly kind: 'cancel'; readonly name: string; readonly key?: string }
  | {
      readonly kind: 'complete';
      readonly op: number;
      readonly result: OpResult;
      readonly value: number | string | null;
    }
  | { readonly kind: 'adjustClock'; readonly stepMs?: number; readonly slewPpm?: number };

/**
 * One step of a protocol's rules: what to write into the context (first, so whatever a step logs is on
 * stable storage before any message of the step leaves), then the actions in order. `changes` is merged
 * into the context like XState's `assign`; null leaves the context as it is (the same object).
 */
export interface Plan<Context> {
  readonly changes: Partial<Context> | null;
  readonly actions: readonly Action[];
}

/** Sends `message` to `to`. Give the protocol's message union to check the payload: `send<RaftMessage>(...)`. */
export const send = <M extends Payload = Payload>(to: NodeId, message: M): Action => ({ kind: 'send', to, message });

/** Answers the client request `command` (the trace's `reply` record). */
export const reply = (command: string, ok: boolean, note: string): Action => ({ kind: 'reply', command, ok, note });

/**
 * Starts (or restarts) the timer `name`: after `delayMs` the node receives `event`. `name` is what the
 * trace's `timer` record says; `key` tells apart several timers of one name (one per transaction).
 */
export function startTimer(name: string, delayMs: VirtualMs, event: Payload, key?: string): Action {
  return key === undefined ? { kind: 'start', name, delayMs, event } : { kind: 'start', name, key, delayMs, event };
}

/** Cancels the timer `name` (with `key`), if it is pending. */
export function cancelTimer(name: string, key?: string): Action {
  return key === undefined ? { kind: 'cancel', name } : { kind: 'cancel', name, key };
}

/**
 * A client machine's answer to operation `op` (spec/protocols.md §1.5), exactly once per operation: `ok`
 * (it took effect; `value` is what a read returned), `fail` (it did not and never will) or `info` (unknown).
 */
export const complete = (op: number, result: OpResult, value: number | string | null = null): Action => ({
  kind: 'complete',
  op,
  result,
  value,
});

/**
 * For protocols declaring `setsClock` (§1.4): steps the node's own clock by `stepMs` and/or sets its slew
 * (the rate the protocol adds to the hardware drift) to `slewPpm`.
 */
export function adjustClock(change: { readonly stepMs?: number; readonly slewPpm?: number }): Action {
  return { kind: 'adjustClock', ...change };
}

/** A plan that changes nothing and asks for nothing. */
export const nothing = <C>(): Plan<C> => ({ changes: null, actions: [] });
