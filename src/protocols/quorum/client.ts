import { enqueueActions, setup } from 'xstate';
import {
  type Action,
  cancelTimer,
  complete,
  dict,
  type Emitted,
  entropy,
  nothing,
  type Plan,
  perform,
  send,
  startTimer,
  withEntry,
} from '../../engine/kit';
import type { NodeInput } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import { quorumOps } from './ops';
import { preferenceOf, ringOf } from './placement';
import type { ClientContext, ClientEvent, QuorumConfig, QuorumMessage } from './types';
import { contextOf, readValue } from './versions';

const TIMER = 'clientTimeout';

/**
 * A client (Dynamo §4.1, §4.5): `get(key)` and `put(key, context, object)`. It is partition-aware: it sends an
 * operation to a node of the key's preference list (the event's entropy picks which, as a load balancer would),
 * or to the node the request names, and that node coordinates. A write carries the context of the client's last
 * read of the key (§4.1: "the context ... includes information such as the version of the object"). It completes
 * `ok` on the coordinator's answer (a read's value, or its siblings), `info` after `clientTimeoutMs`.
 */
export function clientStep(ctx: ClientContext, event: ClientEvent): Plan<ClientContext> {
  if (event.type === 'invoke') {
    const op = quorumOps.parse(event.command);
    if (!op) throw new Error(`${ctx.id}: ${event.command} is not an operation of quorum`);
    const preference = preferenceOf(ctx.ring, op.key, ctx.config.n);
    const coordinator: NodeId =
      event.node ?? (preference[entropy(event) % Math.max(1, preference.length)] as NodeId | undefined) ?? ctx.id;
    const kind = op.name === 'read' ? 'read' : 'write';
    const message: QuorumMessage =
      kind === 'read'
        ? { type: 'Get', key: op.key, op: event.op, client: ctx.id }
        : {
            type: 'Put',
            key: op.key,
            op: event.op,
            client: ctx.id,
            value: op.args[0] as number,
            context: Object.hasOwn(ctx.contexts, op.key) ? (ctx.contexts[op.key] ?? {}) : {},
          };
    const timeout = { type: TIMER, op: event.op };
    const pending = { op: event.op, kind, key: op.key, command: event.command, coordinator } as const;
    return {
      changes: { pending: [...ctx.pending, pending] },
      actions: [send(coordinator, message), startTimer(TIMER, ctx.config.clientTimeoutMs, timeout, String(event.op))],
    };
  }
  if (event.type !== TIMER && event.type !== 'GetOk' && event.type !== 'PutOk') return nothing();
  const open = ctx.pending.find((p) => p.op === event.op);
  // An answer after the timeout (the op already ended `info`), or a message a client does not take.
  if (!open) return nothing();
  const pending = ctx.pending.filter((p) => p !== open);
  const done = (action: Action, more: Partial<ClientContext>): Plan<ClientContext> => ({
    changes: { pending, ...more },
    actions: event.type === TIMER ? [action] : [cancelTimer(TIMER, String(event.op)), action],
  });
  switch (event.type) {
    case 'clientTimeout':
      return done(complete(event.op, 'info'), {});
    case 'GetOk':
      if (open.kind !== 'read') return nothing();
      return done(complete(event.op, 'ok', readValue(event.object)), {
        contexts: withEntry(ctx.contexts, open.key, contextOf(event.object)),
        last: { op: open.op, kind: 'read', key: open.key, object: event.object },
      });
    case 'PutOk':
      if (open.kind !== 'write' || event.handoff === true) return nothing();
      return done(complete(event.op, 'ok'), {
        last: { op: open.op, kind: 'write', key: open.key, object: event.object },
      });
    default:
      return nothing();
  }
}

export const clientMachine = setup({
  types: {
    context: {} as ClientContext,
    events: {} as ClientEvent,
    input: {} as NodeInput<QuorumConfig>,
    emitted: {} as Emitted,
  },
  actions: {
    step: enqueueActions(({ context, event, enqueue }) => perform(enqueue, clientStep(context, event))),
  },
}).createMachine({
  id: 'quorum-client',
  context: ({ input }) => ({
    kind: 'client',
    id: input.id,
    servers: input.nodes,
    config: input.config,
    ring: ringOf(input.nodes, input.config.vnodes),
    pending: [],
    contexts: dict(),
    last: null,
  }),
  initial: 'up',
  states: { up: { on: { '*': { actions: 'step' } } } },
});
