import type { BugInfo } from '../../engine/protocol';

export const floodBugs: readonly BugInfo[] = [
  {
    id: 'deliver-every-copy',
    title: 'Deliver every copy',
    explanation:
      'A node checks whether it has seen a broadcast only before relaying it, not before delivering it. Where ' +
      'two copies of a broadcast meet (the two ways round a ring, or a repeat), the second is delivered again. ' +
      'It breaks Integrity: a broadcast must be delivered at most once.',
    breaks: ['integrity'],
  },
];
