import { enqueueActions, setup } from 'xstate';
import { type Emitted, perform, Wide } from '../../engine/kit';
import type { NodeInput } from '../../engine/protocol';
import { coordinatorStep, recoverCoordinator } from './coordinator';
import { participantStep, recoverParticipant } from './participant';
import type { TwoPcBug, TwoPcConfig, TwoPcContext, TwoPcEvent, TwoPcPersistent } from './types';

type Input = NodeInput<TwoPcConfig, TwoPcPersistent>;

function initialContext(input: Input): TwoPcContext {
  const coordinator = input.nodes[0] ?? input.id;
  const common = {
    id: input.id,
    coordinator,
    participants: input.nodes.filter((n) => n !== coordinator),
    config: input.config,
    bug: input.bug as TwoPcBug | null,
  };
  const saved = input.persistent;
  if (input.id === coordinator) {
    return {
      ...common,
      role: 'coordinator',
      // A persistent state from elsewhere than a crash (a test, a file) may be a plain record.
      log: saved?.role === 'coordinator' ? Wide.of(saved.log) : Wide.empty(),
      transactions: Wide.empty(),
    };
  }
  return {
    ...common,
    role: 'participant',
    transactions: saved?.role === 'participant' ? Wide.of(saved.log) : Wide.empty(),
  };
}

/**
 * A 2PC node. The first node coordinates; the others participate. Several transactions run at once,
 * so the per-transaction states live in the context (coordinator.ts and participant.ts decide them)
 * and the machine's states are the two roles. Each transaction's timers are delayed events with their
 * own id, which the engine schedules and cancels exactly like `after` timers.
 */
export const twoPcMachine = setup({
  types: {
    context: {} as TwoPcContext,
    events: {} as TwoPcEvent,
    input: {} as Input,
    emitted: {} as Emitted,
  },
  guards: {
    isCoordinator: ({ context }) => context.role === 'coordinator',
  },
  actions: {
    recoverCoordinator: enqueueActions(({ context, enqueue }) => {
      if (context.role === 'coordinator') perform(enqueue, recoverCoordinator(context));
    }),
    coordinate: enqueueActions(({ context, event, enqueue }) => {
      if (context.role === 'coordinator') perform(enqueue, coordinatorStep(context, event));
    }),
    recoverParticipant: enqueueActions(({ context, enqueue }) => {
      if (context.role === 'participant') perform(enqueue, recoverParticipant(context));
    }),
    participate: enqueueActions(({ context, event, enqueue }) => {
      if (context.role === 'participant') perform(enqueue, participantStep(context, event));
    }),
  },
}).createMachine({
  id: '2pc',
  context: ({ input }) => initialContext(input),
  initial: 'starting',
  states: {
    starting: {
      always: [{ guard: 'isCoordinator', target: 'coordinator' }, { target: 'participant' }],
    },
    coordinator: {
      entry: 'recoverCoordinator',
      on: {
        request: { actions: 'coordinate' },
        Vote: { actions: 'coordinate' },
        Ack: { actions: 'coordinate' },
        DecisionRequest: { actions: 'coordinate' },
        voteTimeout: { actions: 'coordinate' },
        retry: { actions: 'coordinate' },
      },
    },
    participant: {
      entry: 'recoverParticipant',
      on: {
        request: { actions: 'participate' },
        Prepare: { actions: 'participate' },
        Commit: { actions: 'participate' },
        Abort: { actions: 'participate' },
        inquiry: { actions: 'participate' },
      },
    },
  },
});
