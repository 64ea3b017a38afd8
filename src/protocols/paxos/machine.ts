import { enqueueActions, setup } from 'xstate';
import { type Emitted, perform } from '../../engine/kit';
import type { NodeInput } from '../../engine/protocol';
import { freshProposer } from './proposer';
import { paxosStep } from './rules';
import type { PaxosBug, PaxosConfig, PaxosContext, PaxosEvent, PaxosPersistent } from './types';

/**
 * A Paxos node: one state, every rule in rules.ts (and the role files it calls). The first `proposers`
 * nodes also propose; every node accepts and learns. A restart starts from what persisted (index.ts,
 * `persistent`): the acceptor's promise and accepted proposal, the proposer's highest round, the value learned.
 */
export const paxosMachine = setup({
  types: {
    context: {} as PaxosContext,
    events: {} as PaxosEvent,
    input: {} as NodeInput<PaxosConfig, Partial<PaxosPersistent>>,
    emitted: {} as Emitted,
  },
  actions: {
    step: enqueueActions(({ context, event, enqueue }) => perform(enqueue, paxosStep(context, event))),
  },
}).createMachine({
  id: 'paxos',
  context: ({ input }) => ({
    id: input.id,
    nodes: input.nodes,
    config: input.config,
    bug: input.bug as PaxosBug | null,
    promised: input.persistent?.promised ?? null,
    accepted: input.persistent?.accepted ?? null,
    round: input.persistent?.round ?? 0,
    chosen: input.persistent?.chosen ?? null,
    proposer: input.nodes.indexOf(input.id) < input.config.proposers ? freshProposer() : null,
    tallies: [],
  }),
  initial: 'up',
  states: {
    up: { on: { '*': { actions: 'step' } } },
  },
});
