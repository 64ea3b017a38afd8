import { enqueueActions, setup } from 'xstate';
import {
  type Action,
  type Dict,
  dict,
  type Emitted,
  own,
  type Plan,
  perform,
  reply,
  send,
  withEntry,
} from '../../engine/kit';
import type { NodeInput } from '../../engine/protocol';
import type { RegisterBug } from './bugs';
import type { RegisterConfig, RegisterPersistent, RegisterReply, ServerContext, ServerEvent } from './types';

/**
 * A server's rules. Only the primary serves, one operation at a time in arrival order, so every operation
 * takes effect at one instant between its invocation and its completion: the history is linearizable
 * (Herlihy & Wing 1990, §2), the single-copy register of Jepsen's linearizable-register test. A write is
 * stored before the answer leaves (the plan writes the context first), so it survives a crash.
 *
 * The `stale-backup-reads` bug (bugs.ts) adds asynchronous primary-backup replication: the primary sends
 * each stored write to the backups in a `Replicate` message after its answer, and a backup answers reads
 * from its own copy. Until the copy arrives a backup returns the old value after the write was acknowledged.
 */
const EMPTY: Dict<RegisterReply> = dict<RegisterReply>();

export function serverStep(ctx: ServerContext, event: ServerEvent): Plan<ServerContext> {
  if (event.type === 'request')
    return { changes: null, actions: [reply(event.command, false, 'send it from a client')] };
  const stale = ctx.bug === 'stale-backup-reads';
  // Only the buggy primary sends Replicate; a backup stores the copy it is sent, as it arrives.
  if (event.type === 'Replicate')
    return { changes: { values: withEntry(ctx.values, event.key, event.value) }, actions: [] };
  const answer = (message: RegisterReply) => send(event.from, message);
  const held = Object.hasOwn(ctx.values, event.key) ? (ctx.values[event.key] as number) : null;
  if (ctx.id !== ctx.primary) {
    // The bug: a backup serves reads from its copy, which lags the primary's (a correct backup does not serve).
    if (stale && event.type === 'Read')
      return { changes: null, actions: [answer({ type: 'ReadOk', op: event.op, value: held })] };
    return { changes: null, actions: [answer({ type: 'NotPrimary', op: event.op })] };
  }
  // A duplicate of a write or cas it already applied gets the answer it had, and changes nothing: applying it
  // again would undo later writes, or fail a cas that took effect (Ongaro's thesis §6.3, client sessions).
  const before = event.type === 'Read' ? undefined : own(ctx.answered ?? EMPTY, String(event.op));
  if (before !== undefined) return { changes: null, actions: [answer(before)] };
  const remember = (result: RegisterReply) => withEntry(ctx.answered ?? EMPTY, String(event.op), result);
  // The bug: the copies leave after the answer, so the client hears "ok" before any backup has the value.
  const stored = (key: string, value: number, ok: RegisterReply): Plan<ServerContext> => ({
    changes: { values: withEntry(ctx.values, key, value), answered: remember(ok) },
    actions: [answer(ok), ...(stale ? ctx.backups.map((b): Action => send(b, { type: 'Replicate', key, value })) : [])],
  });
  switch (event.type) {
    case 'Read':
      return { changes: null, actions: [answer({ type: 'ReadOk', op: event.op, value: held })] };
    case 'Write':
      return stored(event.key, event.value, { type: 'WriteOk', op: event.op });
    case 'Cas':
      // cas K V1 V2: takes effect only if K holds V1 (§1.5, the register grammar).
      if (held !== event.expected) {
        const failed: RegisterReply = { type: 'CasFail', op: event.op };
        return { changes: { answered: remember(failed) }, actions: [answer(failed)] };
      }
      return stored(event.key, event.value, { type: 'CasOk', op: event.op });
    default:
      return event satisfies never;
  }
}

export const serverMachine = setup({
  types: {
    context: {} as ServerContext,
    events: {} as ServerEvent,
    input: {} as NodeInput<RegisterConfig, RegisterPersistent>,
    emitted: {} as Emitted,
  },
  actions: {
    step: enqueueActions(({ context, event, enqueue }) => perform(enqueue, serverStep(context, event))),
  },
}).createMachine({
  id: 'register-server',
  context: ({ input }) => ({
    kind: 'server',
    id: input.id,
    primary: input.nodes[0] ?? input.id,
    bug: input.bug as RegisterBug | null,
    backups: input.nodes.filter((n) => n !== (input.nodes[0] ?? input.id)),
    values: input.persistent?.values ?? dict<number>(),
    answered: input.persistent?.answered ?? EMPTY,
  }),
  initial: 'up',
  states: { up: { on: { '*': { actions: 'step' } } } },
});
