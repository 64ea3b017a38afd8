import type { BugInfo } from '../../engine/protocol';

export const multiPaxosBugs: readonly BugInfo[] = [
  {
    id: 'skip-phase1-on-takeover',
    title: 'A new leader skips phase 1',
    explanation:
      'A node whose leader timeout fires leads at once with a higher ballot, without running phase 1, against ' +
      '"Paxos Made Simple" §3 (a new leader first runs phase 1 for all instances, and re-proposes what it learns). ' +
      'It never hears what the old leader got accepted, so it proposes new commands into slots already chosen, ' +
      'and acceptors accept them at its higher ballot: one slot is chosen twice with different commands.',
    breaks: ['agreement', 'state-machine-safety'],
  },
  {
    id: 'no-noop-fill',
    title: 'A new leader leaves gaps unfilled',
    explanation:
      'After phase 1 the new leader re-proposes every reported command but does not fill the slots no acceptor ' +
      'reported with noop, against "Paxos Made Simple" §3. A slot the old leader proposed but no acceptor of the ' +
      'majority accepted stays undecided for ever, and every replica, which executes in order, stops at it.',
    breaks: ['gaps-filled'],
  },
];
