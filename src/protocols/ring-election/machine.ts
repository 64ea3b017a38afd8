import { enqueueActions, setup } from 'xstate';
import { type Emitted, perform, startTimer } from '../../engine/kit';
import type { NodeInput } from '../../engine/protocol';
import { ringStep } from './rules';
import type { RingBug, RingConfig, RingContext, RingEvent, RingPersistent } from './types';
import { uidsOf } from './uids';

/**
 * A process on the ring: one state, every rule in rules.ts. With `initiators: "all"` each process starts an
 * election when the run starts, at time 0 (the `initiate` timer of no delay: at the start no other process
 * is up to receive yet). A restarted process keeps its uid and has lost the rest: it is no participant and
 * knows no leader, and it does not start an election by itself (the paper has no failures; see index.ts).
 */
export const ringMachine = setup({
  types: {
    context: {} as RingContext,
    events: {} as RingEvent,
    input: {} as NodeInput<RingConfig, RingPersistent>,
    emitted: {} as Emitted,
  },
  actions: {
    start: enqueueActions(({ context, event, enqueue }) => {
      // XState's init event carries the start input: nothing persisted means the run's first start.
      const isFirstStart = (event as { input?: NodeInput }).input?.persistent === undefined;
      if (isFirstStart && context.config.initiators === 'all') {
        perform(enqueue, { changes: null, actions: [startTimer('initiate', 0, { type: 'initiate' })] });
      }
    }),
    step: enqueueActions(({ context, event, enqueue }) => perform(enqueue, ringStep(context, event))),
  },
}).createMachine({
  id: 'ring-election',
  context: ({ input }) => {
    const index = input.nodes.indexOf(input.id);
    const uid = input.persistent?.uid ?? uidsOf(input.config.uids, input.nodes.length, input.seed ?? 0)[index] ?? 0;
    return {
      id: input.id,
      next: input.nodes[(index + 1) % input.nodes.length] ?? input.id,
      config: input.config,
      bug: input.bug as RingBug | null,
      uid,
      participant: false,
      leader: null,
      isLeader: false,
    };
  },
  initial: 'up',
  states: {
    up: { entry: 'start', on: { '*': { actions: 'step' } } },
  },
});
