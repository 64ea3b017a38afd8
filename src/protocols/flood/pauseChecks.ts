import type { PauseCheck, PauseScene } from '../../engine/protocol';
import type { FloodContext } from './types';

/** What each flood preset's question says at its pause point (src/app/pauseChecks.test.ts checks it). */
type Scene = PauseScene<FloodContext>;

const delivered = (s: Scene) => s.nodes.filter((n) => n.context.delivered.length > 0).map((n) => n.id);

export const floodPauseChecks: Readonly<Record<string, readonly PauseCheck<FloodContext>[]>> = {
  ring: [{ at: 101, says: 'only n1 has delivered m1', holds: (s) => delivered(s).join() === 'n1' }],
  'partition-heals': [
    {
      at: 1000,
      says: 'n1, n2 and n3 have delivered m1; n4, n5 and n6 have not',
      holds: (s) => delivered(s).join() === 'n1,n2,n3',
    },
  ],
};
