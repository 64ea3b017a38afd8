import type { SeriesDeclaration } from '../../engine/protocol';
import type { RingContext } from './types';

/** The plotted number (spec/protocols.md `ring-election`): messages on their way round, lost ones left out. */
export const ringSeries: readonly SeriesDeclaration<RingContext>[] = [
  {
    name: 'messagesInFlight',
    title: 'Messages in flight',
    unit: 'messages',
    per: 'run',
    sample: (world) => world.inFlight().filter((m) => !m.isLost).length,
  },
];
