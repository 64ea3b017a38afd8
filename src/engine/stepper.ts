import { type AnyMachineSnapshot, type AnyStateMachine, createActor } from 'xstate';
import type { CompleteRequest, OpResult } from './clients';
import type { AdjustClockRequest, ReplyRequest, SendRequest } from './kit/perform';
import { timerNameOf } from './kit/timers';
import type { EventLike, NodeId, Payload, VirtualMs } from './types';

/**
 * What one step of a node asks for. The machine never performs these itself: it returns the plan,
 * and the simulation alone carries it out (tldraw's kernels: plans, not effects).
 */
export type Effect =
  | { readonly kind: 'send'; readonly to: NodeId; readonly message: Payload }
  | {
      readonly kind: 'schedule';
      readonly id: string;
      /** The timer's friendly name, for the trace: an `after`'s delay name, or the kit's timer name. */
      readonly name: string;
      readonly delayMs: VirtualMs;
      readonly event: Payload;
    }
  | { readonly kind: 'cancel'; readonly id: string }
  | { readonly kind: 'reply'; readonly command: string; readonly ok: boolean; readonly note: string }
  | {
      readonly kind: 'complete';
      readonly op: number;
      readonly result: OpResult;
      readonly value: number | string | null;
    }
  | { readonly kind: 'adjustClock'; readonly stepMs?: number; readonly slewPpm?: number };

export interface Step {
  readonly snapshot: AnyMachineSnapshot;
  readonly effects: readonly Effect[];
}

/**
 * Drives an XState machine through its pure transition function, with one actor scope built once and
 * reused (about six times faster than `xstate.transition`, which builds a fresh scope on every call).
 * The scope's shape is not a documented XState API, so `stepper.test.ts` pins how xstate 5.33 reports
 * sends (`xstate.emit`), timers (`xstate.raise` with `params.delay`, also what `after` becomes) and their
 * cancellation (`xstate.cancel`, on leaving the state).
 */
export class Stepper {
  /** The actions of the transition under way; emptied (not replaced) before each one, and read before the next. */
  private readonly collected: { type: string; params: unknown }[] = [];
  private readonly scope: unknown;

  constructor(private readonly machine: AnyStateMachine) {
    const self = createActor(machine);
    const noop = () => {};
    this.scope = {
      self,
      system: self.system,
      id: '',
      sessionId: '',
      logger: noop,
      defer: noop,
      emit: noop,
      stopChild: noop,
      actionExecutor: (action: { type: string; params: unknown }) => {
        this.collected.push(action);
      },
    };
  }

  initial(input: unknown): Step {
    this.collected.length = 0;
    // biome-ignore lint/suspicious/noExplicitAny: the scope is XState's internal ActorScope.
    const snapshot = this.machine.getInitialSnapshot(this.scope as any, input);
    return this.finish(snapshot);
  }

  next(snapshot: AnyMachineSnapshot, event: EventLike): Step {
    this.collected.length = 0;
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    const nextSnapshot = this.machine.transition(snapshot, event as any, this.scope as any);
    return this.finish(nextSnapshot);
  }

  private finish(snapshot: AnyMachineSnapshot): Step {
    if (snapshot.status === 'error') {
      throw snapshot.error instanceof Error ? snapshot.error : new Error(String(snapshot.error));
    }
    const effects: Effect[] = [];
    for (const action of this.collected) {
      const effect = toEffect(action);
      if (effect) effects.push(effect);
    }
    return { snapshot, effects };
  }
}

function toEffect(action: { type: string; params: unknown }): Effect | undefined {
  switch (action.type) {
    case 'xstate.emit': {
      const { event } = action.params as {
        event: SendRequest | ReplyRequest | CompleteRequest | AdjustClockRequest | Payload;
      };
      if (event.type === 'send') {
        const send = event as SendRequest;
        return { kind: 'send', to: send.to, message: send.message };
      }
      if (event.type === 'reply') {
        const reply = event as ReplyRequest;
        return { kind: 'reply', command: reply.command, ok: reply.ok, note: reply.note };
      }
      if (event.type === 'complete') {
        const { op, result, value } = event as CompleteRequest;
        return { kind: 'complete', op, result, value };
      }
      if (event.type === 'adjustClock') {
        const { type: _, ...change } = event as AdjustClockRequest;
        return { kind: 'adjustClock', ...change };
      }
      return undefined;
    }
    case 'xstate.raise': {
      const { event, delay, id } = action.params as { event: Payload; delay?: number; id?: string };
      // An immediate raise was already consumed inside the transition; only delayed ones reach us.
      if (typeof delay !== 'number') return undefined;
      const timer = id ?? event.type;
      return { kind: 'schedule', id: timer, name: timerName(timer), delayMs: delay, event };
    }
    case 'xstate.cancel': {
      const { sendId } = action.params as { sendId: string };
      return { kind: 'cancel', id: sendId };
    }
    default:
      return undefined;
  }
}

/** XState names an `after` timer's event `xstate.after.<delay>.<state path>`; a named delay is its friendly name. */
const AFTER = 'xstate.after.';

function timerName(id: string): string {
  if (!id.startsWith(AFTER)) return timerNameOf(id);
  const rest = id.slice(AFTER.length);
  const dot = rest.indexOf('.');
  return dot < 0 ? rest : rest.slice(0, dot);
}
