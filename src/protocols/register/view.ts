import type { MessageLook } from '../../engine/protocol';
import type { Payload } from '../../engine/types';
import type { RegisterContext, RegisterMessage } from './types';

/** A server's view: its role and registers; a client's: the commands it waits on. */
export type RegisterView =
  | {
      readonly role: 'primary' | 'backup';
      readonly values: Readonly<Record<string, number>>;
      readonly [k: string]: unknown;
    }
  | { readonly role: 'client'; readonly pending: readonly string[]; readonly [k: string]: unknown };

/** The contract's `nodes[].state`. */
export function registerView(ctx: RegisterContext): RegisterView {
  if (ctx.kind === 'client') return { role: 'client', pending: ctx.pending.map((p) => `${p.op}: ${p.command}`) };
  // Keys in order, on a plain object: the view is JSON.
  const values = Object.fromEntries(Object.entries(ctx.values).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { role: ctx.id === ctx.primary ? 'primary' : 'backup', values };
}

export function describeRegisterMessage(payload: Payload): MessageLook {
  const m = payload as RegisterMessage;
  switch (m.type) {
    case 'Read':
      return { label: `Read ${m.key}`, isReply: false };
    case 'Write':
      return { label: `Write ${m.key} ${m.value}`, isReply: false };
    case 'Cas':
      return { label: `Cas ${m.key} ${m.expected}→${m.value}`, isReply: false };
    case 'ReadOk':
      return { label: `ReadOk ${m.value ?? 'nil'}`, isReply: true };
    case 'Replicate':
      return { label: `Replicate ${m.key} ${m.value}`, isReply: false };
    default:
      return { label: m.type, isReply: true };
  }
}
