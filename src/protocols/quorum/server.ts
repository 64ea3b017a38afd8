import { enqueueActions, setup } from 'xstate';
import { dict, type Emitted, nothing, type Plan, perform, reply, startTimer } from '../../engine/kit';
import type { NodeInput } from '../../engine/protocol';
import { onClientRequest, onReply, onRequestTimeout } from './coordinator';
import { ringOf, tokensOfNode } from './placement';
import {
  ANTI_ENTROPY,
  handoffTimer,
  onAntiEntropy,
  onAntiEntropyTimer,
  onGet,
  onHandoff,
  onHandoffDone,
  onHandoffTimer,
  onPut,
  onReadRepair,
} from './replica';
import type { QuorumBug, QuorumConfig, QuorumPersistent, ServerContext, ServerEvent } from './types';

/** A server: every node is a replica, a coordinator of the requests it gets, and a stand-in for others. */
export function serverStep(ctx: ServerContext, event: ServerEvent): Plan<ServerContext> {
  switch (event.type) {
    case 'request':
      return { changes: null, actions: [reply(event.command, false, 'send it from a client')] };
    case 'Get':
      // A Get naming a coordinator is a replica's part; without one, a client's (§4.5).
      return event.coordinator === undefined ? onClientRequest(ctx, event) : onGet(ctx, event);
    case 'Put':
      if (event.coordinator === undefined) return onClientRequest(ctx, event);
      return event.object === undefined ? nothing() : onPut(ctx, event, event.object);
    case 'GetOk':
      return onReply(ctx, event);
    case 'PutOk':
      return event.handoff === true ? onHandoffDone(ctx, event) : onReply(ctx, event);
    case 'ReadRepair':
      return onReadRepair(ctx, event);
    case 'Handoff':
      return onHandoff(ctx, event);
    case 'AntiEntropy':
      return onAntiEntropy(ctx, event);
    case 'requestTimeout':
      return onRequestTimeout(ctx, event);
    case 'antiEntropy':
      return onAntiEntropyTimer(ctx);
    case 'handoff':
      return onHandoffTimer(ctx);
    default:
      return event satisfies never;
  }
}

/** At every (re)start: the anti-entropy round, staggered by position so the nodes do not all talk at once. */
function startTimers(ctx: ServerContext): Plan<ServerContext> {
  const index = Math.max(0, ctx.nodes.indexOf(ctx.id));
  const first = Math.round(ctx.config.antiEntropyMs * (1 + index / Math.max(1, ctx.nodes.length)));
  return {
    changes: null,
    actions: [
      startTimer(ANTI_ENTROPY, first, { type: 'antiEntropy' }),
      ...(ctx.hinted.length > 0 ? handoffTimer(ctx) : []),
    ],
  };
}

export const serverMachine = setup({
  types: {
    context: {} as ServerContext,
    events: {} as ServerEvent,
    input: {} as NodeInput<QuorumConfig, QuorumPersistent>,
    emitted: {} as Emitted,
  },
  actions: {
    start: enqueueActions(({ context, enqueue }) => perform(enqueue, startTimers(context))),
    step: enqueueActions(({ context, event, enqueue }) => perform(enqueue, serverStep(context, event))),
  },
}).createMachine({
  id: 'quorum-server',
  context: ({ input }) => ({
    kind: 'server',
    id: input.id,
    nodes: input.nodes,
    config: input.config,
    bug: input.bug as QuorumBug | null,
    ring: ringOf(input.nodes, input.config.vnodes),
    tokens: tokensOfNode(input.id, input.config.vnodes),
    store: input.persistent?.store ?? dict(),
    hinted: input.persistent?.hinted ?? [],
    coordinating: [],
    antiEntropyNext: Math.max(0, input.nodes.indexOf(input.id)),
  }),
  initial: 'up',
  states: { up: { entry: 'start', on: { '*': { actions: 'step' } } } },
});
