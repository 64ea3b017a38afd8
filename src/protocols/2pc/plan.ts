import type { NodeId, VirtualMs } from '../../engine/types';
import type { TwoPcMessage, TwoPcTimer } from './types';

/**
 * What one step of a node asks for, in order: the rules (coordinator.ts, participant.ts) return it,
 * the machine carries it out. The next context is written first, so whatever a step logs is on stable
 * storage before any message of that step leaves.
 */
export type Action =
  | { readonly kind: 'send'; readonly to: NodeId; readonly message: TwoPcMessage }
  | { readonly kind: 'reply'; readonly command: string; readonly ok: boolean; readonly note: string }
  | { readonly kind: 'start'; readonly timer: TwoPcTimer; readonly delayMs: VirtualMs }
  | { readonly kind: 'stop'; readonly timer: TwoPcTimer };

export interface Plan<Context> {
  readonly context: Context;
  readonly actions: readonly Action[];
}

export const nothing = <C>(context: C): Plan<C> => ({ context, actions: [] });

export const send = (to: NodeId, message: TwoPcMessage): Action => ({ kind: 'send', to, message });

export const start = (timer: TwoPcTimer, delayMs: VirtualMs): Action => ({ kind: 'start', timer, delayMs });

export const stop = (timer: TwoPcTimer): Action => ({ kind: 'stop', timer });

export const reply = (command: string, ok: boolean, note: string): Action => ({ kind: 'reply', command, ok, note });

/** The engine keys timers by id: one timer of each kind per transaction, restarted by starting it again. */
export const timerId = (timer: TwoPcTimer): string => `${timer.type}:${timer.tx}`;
