import { enqueueActions, setup } from 'xstate';
import { dict, type Emitted, type Plan, perform, reply, send, withEntry } from '../../engine/kit';
import type { NodeInput } from '../../engine/protocol';
import type { RegisterConfig, RegisterPersistent, RegisterReply, ServerContext, ServerEvent } from './types';

/**
 * A server's rules. Only the primary serves, one operation at a time in arrival order, so every operation
 * takes effect at one instant between its invocation and its completion: the history is linearizable
 * (Herlihy & Wing 1990, §2), the single-copy register of Jepsen's linearizable-register test. A write is
 * stored before the answer leaves (the plan writes the context first), so it survives a crash.
 */
export function serverStep(ctx: ServerContext, event: ServerEvent): Plan<ServerContext> {
  if (event.type === 'request')
    return { changes: null, actions: [reply(event.command, false, 'send it from a client')] };
  const answer = (message: RegisterReply) => send(event.from, message);
  if (ctx.id !== ctx.primary) return { changes: null, actions: [answer({ type: 'NotPrimary', op: event.op })] };
  const held = Object.hasOwn(ctx.values, event.key) ? (ctx.values[event.key] as number) : null;
  switch (event.type) {
    case 'Read':
      return { changes: null, actions: [answer({ type: 'ReadOk', op: event.op, value: held })] };
    case 'Write':
      return {
        changes: { values: withEntry(ctx.values, event.key, event.value) },
        actions: [answer({ type: 'WriteOk', op: event.op })],
      };
    case 'Cas':
      // cas K V1 V2: takes effect only if K holds V1 (§1.5, the register grammar).
      if (held !== event.expected) return { changes: null, actions: [answer({ type: 'CasFail', op: event.op })] };
      return {
        changes: { values: withEntry(ctx.values, event.key, event.value) },
        actions: [answer({ type: 'CasOk', op: event.op })],
      };
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
    values: input.persistent?.values ?? dict<number>(),
  }),
  initial: 'up',
  states: { up: { on: { '*': { actions: 'step' } } } },
});
