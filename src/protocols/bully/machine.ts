import { enqueueActions, setup } from 'xstate';
import { type Emitted, perform } from '../../engine/kit';
import type { NodeInput } from '../../engine/protocol';
import { bullyStep, onStart } from './rules';
import type { BullyBug, BullyConfig, BullyContext, BullyEvent, BullyPersistent } from './types';

/**
 * A bully node: one state, every rule in rules.ts. Its first start and every restart run the paper's
 * Recovery procedure (Garcia-Molina 1982, §III): hold an election. `input.persistent` is set only on a
 * restart (index.ts, `persistent`), which is how the bug variant tells a recovery from the first start.
 */
export const bullyMachine = setup({
  types: {
    context: {} as BullyContext,
    events: {} as BullyEvent,
    input: {} as NodeInput<BullyConfig, BullyPersistent>,
    emitted: {} as Emitted,
  },
  actions: {
    start: enqueueActions(({ enqueue }) => perform(enqueue, onStart())),
    step: enqueueActions(({ context, event, enqueue }) => perform(enqueue, bullyStep(context, event))),
  },
}).createMachine({
  id: 'bully',
  context: ({ input }) => ({
    id: input.id,
    nodes: input.nodes,
    config: input.config,
    bug: input.bug as BullyBug | null,
    role: 'member',
    coordinator: null,
    // Whether this start is a recovery: what survived a crash is handed back only then.
    isRecovery: input.persistent?.recovered === true,
    quietRecovery: false,
  }),
  initial: 'up',
  states: {
    up: {
      entry: 'start',
      on: { '*': { actions: 'step' } },
    },
  },
});
