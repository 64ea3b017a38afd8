import type { NodeExtrasProps } from '../types';
import { readRaftView } from './readView';

/** On a candidate's card: the votes it holds out of the majority it needs. */
export function RaftNodeExtras({ view, isUp, clusterSize }: NodeExtrasProps) {
  const raft = readRaftView(view);
  if (!isUp || (raft.role !== 'candidate' && raft.role !== 'precandidate')) return null;
  const needed = Math.floor(clusterSize / 2) + 1;
  return (
    <span className="node-votes">
      {raft.role === 'precandidate' ? 'pre-votes' : 'votes'} {raft.votes.length}/{needed}
    </span>
  );
}
