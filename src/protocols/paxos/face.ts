import type { Face } from '../../engine/face';
import type { NodeStatus } from '../../engine/protocol';
import type { NodeView } from '../../engine/types';
import { ballotText, compareBallots, majorityOf } from './ballot';
import type { PaxosContext, PaxosView } from './types';

/** Okabe and Ito's colour-blind-safe hues, darkened to at least 4.5:1 on white; each role its own shape. */
const roles = {
  proposer: { word: 'proposer', color: '#a34d80', shape: 'diamond' },
  acceptor: { word: 'acceptor', color: '#0072b2', shape: 'circle' },
} as const;

const accepted = (v: PaxosView) =>
  v.accepted === null ? 'accepted nothing' : `accepted ${v.accepted.value} at ${ballotText(v.accepted.ballot)}`;

/**
 * A proposer shows its ballot and how far its round got; an acceptor its promise and what it accepted;
 * either says the value once it has learned it. The words are the paper's: no leader, no term.
 */
export const paxosFace: Face<PaxosView & NodeView, PaxosContext> = {
  nodeWord: 'Node',
  node(view, clusterSize) {
    const learned = view.chosen === null ? '' : `learned ${view.chosen} · `;
    const p = view.proposer;
    if (p !== null) {
      const need = majorityOf(clusterSize);
      const round =
        p.phase === 'prepare'
          ? `prepare ${p.promises.length}/${need} promises`
          : p.phase === 'accept'
            ? `accept ${p.accepts.length}/${need} accepted`
            : p.phase;
      return {
        role: roles.proposer,
        badge: { label: 'ballot', value: ballotText(p.ballot) },
        note: `${learned}${round}${p.value === null ? '' : ` · ${p.value}`}`,
      };
    }
    return {
      role: roles.acceptor,
      badge: { label: 'promised', value: ballotText(view.promised) },
      note: `${learned}${accepted(view)}`,
    };
  },
  milestones: [
    { kind: 'phase2', shape: 'diamond', word: 'phase 2 begins' },
    { kind: 'learned', shape: 'square', word: 'value learned' },
  ],
  selectors: [
    {
      // spec/protocols.md `paxos`: the proposer with the highest ballot in phase 2 or done.
      id: 'leader',
      title: 'the leading proposer',
      select: (world) => {
        let best: NodeStatus<PaxosContext> | null = null;
        for (const n of world.nodes) {
          const p = n.context.proposer;
          if (!n.isUp || p === null || (p.phase !== 'accept' && p.phase !== 'done')) continue;
          const nodes = n.context.nodes;
          if (best === null || compareBallots(p.ballot, best.context.proposer?.ballot ?? null, nodes) > 0) best = n;
        }
        return best === null ? [] : [best.id];
      },
    },
    {
      id: 'proposers',
      title: 'the proposers',
      select: (world) => world.nodes.filter((n) => n.isUp && n.context.proposer !== null).map((n) => n.id),
    },
  ],
  // Values A, B, ... Z, then v27, v28, ...: short enough to read on a message label.
  commands: { next: (n) => (n <= 26 ? String.fromCharCode(64 + n) : `v${n}`), example: 'A', label: 'Value' },
};
