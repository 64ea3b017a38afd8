import type { BugInfo } from '../../engine/protocol';

export const paxosBugs: readonly BugInfo[] = [
  {
    id: 'acceptor-forgets-promise-on-restart',
    title: 'An acceptor forgets its promise on restart',
    explanation:
      'The acceptor writes what it accepted to disk but keeps its promise only in memory, against "Paxos Made ' +
      'Simple" §2.5 ("an acceptor must remember this information even if it fails and then restarts"). After a ' +
      'restart it accepts a proposal below the ballot it promised, so a lower ballot can be chosen while a ' +
      'higher proposer, counting on that promise, chooses its own value: two values are chosen.',
    breaks: ['promise-kept', 'agreement'],
  },
  {
    id: 'proposer-ignores-accepted-value',
    title: 'A proposer ignores the accepted values it is told',
    explanation:
      'In phase 2 the proposer sends its own value even when a promise reported an accepted proposal, against ' +
      'P2c ("v is the value of the highest-numbered proposal among the responses"). A value already chosen by a ' +
      'majority is then accepted over by a higher ballot with another value: two values are chosen.',
    breaks: ['agreement'],
  },
];
