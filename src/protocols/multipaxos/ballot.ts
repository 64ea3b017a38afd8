import type { NodeId } from '../../engine/types';
import type { Ballot } from './types';

/**
 * Ballot numbers (PMMC: "lexicographically ordered pairs" of a round and a leader id) are totally ordered: by
 * round, then by the node's position in the cluster, so two leaders never share one. A copy of paxos's
 * helper rather than an import: a protocol is one folder.
 */
export function compareBallots(a: Ballot | null, b: Ballot | null, nodes: readonly NodeId[]): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (a.round !== b.round) return a.round - b.round;
  return nodes.indexOf(a.node) - nodes.indexOf(b.node);
}

export const sameBallot = (a: Ballot | null, b: Ballot | null): boolean =>
  a === b || (a !== null && b !== null && a.round === b.round && a.node === b.node);

/** `(2, n1)`: how the panel, the cards and the messages write a ballot. */
export const ballotText = (b: Ballot | null): string => (b === null ? '—' : `(${b.round}, ${b.node})`);

/** A majority of the acceptors (every node accepts): any two majorities share an acceptor. */
export const majorityOf = (nodes: number): number => Math.floor(nodes / 2) + 1;
