import type { ByzantineMode } from '../../engine/protocol';

/** flood's Byzantine modes (spec/protocols.md §1.6), each with the words the node menu and the Legend show. */
export const floodModes: readonly ByzantineMode[] = [
  {
    id: 'silent',
    title: 'Silent',
    explanation:
      'The node stops talking: the engine drops everything it sends (reason "silent"). It still receives. The ring ' +
      'routes round it the other way.',
  },
  {
    id: 'lie',
    title: 'Lie',
    explanation:
      'The node relays every broadcast with a forged body, keeping its id and origin. Flooding signs nothing, so ' +
      'the nodes after it deliver the forgery; they still deliver each broadcast once (Integrity holds).',
  },
];
