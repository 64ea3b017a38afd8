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
  | { readonly kind: 'cancel'; readonly name: string; readonly key?: string };

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

/** A plan that changes nothing and asks for nothing. */
export const nothing = <C>(): Plan<C> => ({ changes: null, actions: [] });
