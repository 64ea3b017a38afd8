import type { BugInfo } from '../../engine/protocol';

export const bullyBugs: readonly BugInfo[] = [
  {
    id: 'no-election-on-recovery',
    title: 'A recovered node joins without an election',
    explanation:
      'A node that restarts does not hold an election: it comes back as a member and takes the first node ' +
      "whose Heartbeat it hears as its coordinator, against the paper's Recovery procedure (Garcia-Molina " +
      '1982, §III; spec: "a restarted node always starts an election"). A recovered node that outranks the ' +
      'coordinator never bullies its way back, so once the run settles the highest node up is not the ' +
      'coordinator.',
    breaks: ['highest-alive-leads'],
  },
];
