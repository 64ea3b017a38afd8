import { enqueueActions, setup } from 'xstate';
import { type Emitted, perform } from '../../engine/kit';
import type { NodeInput } from '../../engine/protocol';
import { floodStep, repeatTimer } from './rules';
import type { FloodBug, FloodConfig, FloodContext, FloodEvent, FloodMode, FloodPersistent } from './types';

/**
 * A flood node: one state, every rule in rules.ts. The machine only wires events to the rules and
 * hands their plans to the kit; the engine performs them (sends, the named `repeat` timer).
 */
export const floodMachine = setup({
  types: {
    context: {} as FloodContext,
    events: {} as FloodEvent,
    input: {} as NodeInput<FloodConfig, FloodPersistent>,
    emitted: {} as Emitted,
  },
  actions: {
    startRepeating: enqueueActions(({ context, enqueue }) => {
      perform(enqueue, { changes: null, actions: repeatTimer(context) });
    }),
    step: enqueueActions(({ context, event, enqueue }) => perform(enqueue, floodStep(context, event))),
  },
}).createMachine({
  id: 'flood',
  context: ({ input }) => ({
    id: input.id,
    // A ring (index.ts, `topology`): the engine hands each node the two neighbours it has links to.
    neighbours: input.links,
    config: input.config,
    bug: input.bug as FloodBug | null,
    delivered: input.persistent?.delivered ?? [],
    // §1.6: the mode survives a crash through the start input; §1.7: so does being outside the cluster.
    byzantine: (input.byzantine ?? null) as FloodMode | null,
    isMember: input.members === undefined || input.members.includes(input.id),
  }),
  initial: 'up',
  states: {
    up: {
      entry: 'startRepeating',
      on: { '*': { actions: 'step' } },
    },
  },
});
