import type { BugInfo } from '../../engine/protocol';

export const ringBugs: readonly BugInfo[] = [
  {
    id: 'forward-smaller',
    title: 'Smaller uids are passed on too',
    explanation:
      'A process passes on an Election carrying a uid smaller than its own instead of swallowing it (or replacing ' +
      "it with its own), against Chang and Roberts' selective message extinction. Every uid then travels all the " +
      'way round and comes home, so every process declares itself leader, and the messages grow to n² as in ' +
      "LeLann's algorithm.",
    breaks: ['unique-leader', 'leader-is-max'],
  },
];
