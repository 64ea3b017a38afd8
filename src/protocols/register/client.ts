import { enqueueActions, setup } from 'xstate';
import {
  type Action,
  cancelTimer,
  complete,
  type Emitted,
  type Plan,
  perform,
  send,
  startTimer,
} from '../../engine/kit';
import type { NodeInput } from '../../engine/protocol';
import { registerOps } from '../shared/registerOps';
import type { ClientContext, ClientEvent, RegisterConfig, RegisterRequest } from './types';

const TIMER = 'clientTimeout';

/**
 * A client's rules (spec/protocols.md §1.5): send the operation to the server the request names, else the
 * primary, and complete it from the answer: `ok` (with the value a read returned), `fail` where the server
 * says it had no effect (a cas that found another value, a server that does not serve), or `info` after
 * `clientTimeoutMs` without an answer (it may have taken effect: Jepsen's indeterminate result).
 */
export function clientStep(ctx: ClientContext, event: ClientEvent): Plan<ClientContext> {
  if (event.type === 'invoke') {
    const operation = registerOps.parse(event.command);
    // The engine hands only commands the scenario parser accepted.
    if (!operation) throw new Error(`${ctx.id}: ${event.command} is not a register operation`);
    // With the bug a read the request does not aim goes to any server (the event's entropy picks it), trusting
    // the backups' copies; otherwise everything goes to the primary.
    const spread = ctx.spreadsReads && operation.name === 'read' && ctx.servers.length > 0;
    const server = event.node ?? (spread ? (ctx.servers[event.entropy % ctx.servers.length] as string) : ctx.primary);
    const [a, b] = operation.args as number[];
    const { op } = event;
    const message: RegisterRequest =
      operation.name === 'read'
        ? { type: 'Read', op, key: operation.key }
        : operation.name === 'write'
          ? { type: 'Write', op, key: operation.key, value: a as number }
          : { type: 'Cas', op, key: operation.key, expected: a as number, value: b as number };
    const timeout = { type: TIMER, op };
    return {
      changes: { pending: [...ctx.pending, { op, command: event.command, server }] },
      actions: [send(server, message), startTimer(TIMER, ctx.config.clientTimeoutMs, timeout, String(op))],
    };
  }
  const open = ctx.pending.find((p) => p.op === event.op);
  // An answer after the timeout: the operation already completed `info`.
  if (!open) return { changes: null, actions: [] };
  const rest = { pending: ctx.pending.filter((p) => p !== open) };
  const done = (action: Action): Plan<ClientContext> => ({
    changes: rest,
    actions: event.type === TIMER ? [action] : [cancelTimer(TIMER, String(event.op)), action],
  });
  switch (event.type) {
    case 'clientTimeout':
      return done(complete(event.op, 'info'));
    case 'ReadOk':
      return done(complete(event.op, 'ok', event.value));
    case 'WriteOk':
    case 'CasOk':
      return done(complete(event.op, 'ok'));
    case 'CasFail':
    case 'NotPrimary':
      return done(complete(event.op, 'fail'));
    default:
      return event satisfies never;
  }
}

export const clientMachine = setup({
  types: {
    context: {} as ClientContext,
    events: {} as ClientEvent,
    input: {} as NodeInput<RegisterConfig>,
    emitted: {} as Emitted,
  },
  actions: {
    step: enqueueActions(({ context, event, enqueue }) => perform(enqueue, clientStep(context, event))),
  },
}).createMachine({
  id: 'register-client',
  context: ({ input }) => ({
    kind: 'client',
    id: input.id,
    // §1.5: a client's `nodes` are the servers; the first is the primary.
    primary: input.nodes[0] ?? input.id,
    config: input.config,
    pending: [],
    servers: input.nodes,
    spreadsReads: input.bug === 'stale-backup-reads',
  }),
  initial: 'up',
  states: { up: { on: { '*': { actions: 'step' } } } },
});
