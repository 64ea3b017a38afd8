import type { SeriesDeclaration } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import type { RaftContext } from './types';

/** One number per up node; a crashed node has no reading (a gap in the plot shows the crash). */
function perUpNode(read: (ctx: RaftContext) => number) {
  return (world: { readonly nodes: readonly { id: NodeId; isUp: boolean; context: RaftContext }[] }) => {
    const out = new Map<NodeId, number | null>();
    for (const n of world.nodes) out.set(n.id, n.isUp ? read(n.context) : null);
    return Object.fromEntries(out) as Readonly<Record<NodeId, number | null>>;
  };
}

/**
 * Raft's plotted numbers (spec/protocols.md §1.8): each server's `currentTerm` (Raft §5.1: terms act as a logical
 * clock; a split vote or a partition shows as terms climbing) and `commitIndex` (§5.3: the highest entry known
 * committed; a minority side's stays flat).
 */
export const raftSeries: readonly SeriesDeclaration<RaftContext>[] = [
  { name: 'term', title: 'Term', unit: 'term', per: 'node', sample: perUpNode((ctx) => ctx.term) },
  {
    name: 'commitIndex',
    title: 'Commit index',
    unit: 'entries',
    per: 'node',
    sample: perUpNode((ctx) => ctx.commitIndex),
  },
];
