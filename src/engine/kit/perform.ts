import type { CompleteRequest } from '../clients';
import type { Action, Plan } from './actions';
import { timerId } from './timers';

/** The events a kit-built machine emits; declare them as the machine's `emitted` type. */
export interface SendRequest {
  readonly type: 'send';
  readonly to: string;
  readonly message: { readonly type: string };
}

export interface ReplyRequest {
  readonly type: 'reply';
  readonly command: string;
  readonly ok: boolean;
  readonly note: string;
}

export interface AdjustClockRequest {
  readonly type: 'adjustClock';
  readonly stepMs?: number;
  readonly slewPpm?: number;
}

export type Emitted = SendRequest | ReplyRequest | CompleteRequest | AdjustClockRequest;

/**
 * XState's `enqueue` inside `enqueueActions`: only the four calls the kit makes. Every machine's enqueue
 * object has them, whatever its types.
 */
export interface Enqueue {
  assign(changes: object): void;
  emit(event: Emitted): void;
  raise(event: { readonly type: string }, options: { delay: number; id: string }): void;
  cancel(id: string): void;
}

/** Carries out a plan inside an XState action, in its order: the context first, then the actions. */
export function perform<C>(enqueue: unknown, plan: Plan<C>): void {
  const q = enqueue as Enqueue;
  if (plan.changes !== null) q.assign(plan.changes);
  for (const action of plan.actions) act(q, action);
}

/** Carries out one action inside an XState action. */
export function act(enqueue: unknown, action: Action): void {
  const q = enqueue as Enqueue;
  switch (action.kind) {
    case 'send':
      q.emit({ type: 'send', to: action.to, message: action.message });
      return;
    case 'reply':
      q.emit({ type: 'reply', command: action.command, ok: action.ok, note: action.note });
      return;
    case 'start':
      q.raise(action.event, { delay: action.delayMs, id: timerId(action.name, action.key) });
      return;
    case 'cancel':
      q.cancel(timerId(action.name, action.key));
      return;
    case 'complete':
      q.emit({ type: 'complete', op: action.op, result: action.result, value: action.value });
      return;
    case 'adjustClock': {
      const { kind: _, ...change } = action;
      q.emit({ type: 'adjustClock', ...change });
      return;
    }
    default:
      action satisfies never;
  }
}
