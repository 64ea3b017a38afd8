import type { BugInfo } from '../../engine/protocol';

export const twoPcBugs: readonly BugInfo[] = [
  {
    id: 'participant-decides-alone',
    title: 'A prepared participant decides alone',
    explanation:
      'A participant that voted yes and has waited too long for the decision gives up and aborts on its own, ' +
      'instead of asking the coordinator and waiting. But its yes vote may already have let the coordinator ' +
      'decide commit, and other participants may have committed. A participant that voted yes has promised to ' +
      'do whatever the coordinator decides, so only the decision may end the transaction there: that is why ' +
      'two-phase commit blocks when the coordinator is unreachable. Breaking the promise breaks atomicity.',
    breaks: ['atomicity'],
  },
];
