import { enqueueActions, setup } from 'xstate';
import { type Emitted, entropy, perform } from '../../engine/kit';
import type { NodeInput } from '../../engine/protocol';
import { leaderTimer } from './leader';
import { executedUpTo } from './replica';
import { multiPaxosStep } from './rules';
import type {
  MultiPaxosBug,
  MultiPaxosConfig,
  MultiPaxosContext,
  MultiPaxosEvent,
  MultiPaxosPersistent,
} from './types';

/**
 * A Multi-Paxos node: replica, acceptor and leader in one state, every rule in rules.ts and the role files
 * it calls. It starts (and restarts) as a follower with its leader timeout running; a restart keeps what
 * persisted (index.ts): the promise, the accepted pvalues, the highest round, the decisions, which it
 * executes again in order.
 */
export const multiPaxosMachine = setup({
  types: {
    context: {} as MultiPaxosContext,
    events: {} as MultiPaxosEvent,
    input: {} as NodeInput<MultiPaxosConfig, Partial<MultiPaxosPersistent>>,
    emitted: {} as Emitted,
  },
  actions: {
    start: enqueueActions(({ context, event, enqueue }) =>
      perform(enqueue, { changes: null, actions: [leaderTimer(context, entropy(event))] }),
    ),
    step: enqueueActions(({ context, event, enqueue }) => perform(enqueue, multiPaxosStep(context, event))),
  },
}).createMachine({
  id: 'multipaxos',
  context: ({ input }) => {
    const decisions = input.persistent?.decisions ?? [];
    const slotOut = executedUpTo(decisions);
    return {
      id: input.id,
      nodes: input.nodes,
      config: input.config,
      bug: input.bug as MultiPaxosBug | null,
      promised: input.persistent?.promised ?? null,
      accepted: input.persistent?.accepted ?? {},
      round: input.persistent?.round ?? 0,
      decisions,
      role: 'follower',
      ballot: null,
      leaderId: null,
      slotIn: decisions.length + 1,
      slotOut,
      promises: [],
      reported: {},
      proposals: {},
      requests: [],
      owed: {},
    };
  },
  initial: 'up',
  states: {
    up: { entry: 'start', on: { '*': { actions: 'step' } } },
  },
});
