import type { BugInfo } from '../../engine/protocol';

export const floodBugs: readonly BugInfo[] = [
  {
    id: 'no-dedup',
    title: 'Relay without remembering',
    explanation:
      'A node delivers and relays every copy it receives instead of only the first. Around any cycle of links ' +
      'a broadcast then comes back to where it started, is delivered again and sent round again, for ever. ' +
      'It breaks Integrity: a broadcast must be delivered at most once.',
    breaks: ['integrity'],
  },
];
