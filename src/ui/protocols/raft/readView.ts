import type { NodeView } from '../../../engine/types';
import type { NodeSlice } from '../../hooks';

export interface RaftEntryView {
  readonly term: number;
  readonly command: string;
}

/** The Raft node view (src/protocols/raft/view.ts), read defensively. */
export interface RaftNodeView {
  readonly role: string;
  readonly term: number;
  readonly votedFor: string | null;
  readonly commitIndex: number;
  readonly log: readonly RaftEntryView[];
  readonly leaderId: string | null;
  readonly votes: readonly string[];
  readonly nextIndex: Readonly<Record<string, number>>;
  readonly matchIndex: Readonly<Record<string, number>>;
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const rec = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, number>) : {};

export function readRaftView(view: NodeView): RaftNodeView {
  return {
    role: str(view.role) ?? 'follower',
    term: num(view.term),
    votedFor: str(view.votedFor),
    commitIndex: num(view.commitIndex),
    log: Array.isArray(view.log) ? (view.log as RaftEntryView[]) : [],
    leaderId: str(view.leaderId),
    votes: Array.isArray(view.votes) ? (view.votes as string[]) : [],
    nextIndex: rec(view.nextIndex),
    matchIndex: rec(view.matchIndex),
  };
}

/** The live leader of the highest term, as the log view marks it. */
export function currentLeader(nodes: readonly NodeSlice[]): { id: string; view: RaftNodeView } | null {
  let best: { id: string; view: RaftNodeView } | null = null;
  for (const n of nodes) {
    if (!n.isUp) continue;
    const view = readRaftView(n.view);
    if (view.role === 'leader' && (!best || view.term > best.view.term)) best = { id: n.id, view };
  }
  return best;
}
