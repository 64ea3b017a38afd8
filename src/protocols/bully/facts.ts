import type { FactsInput } from '../../engine/protocol';
import { splitRecordedState } from '../../engine/recordedState';
import type { NodeId } from '../../engine/types';
import { electionBounds, electionEpisodes } from './elections';
import type { BullyView } from './types';

/**
 * The fact `twoCoordinatorsMs` (spec/protocols.md `bully`): for how long more than one up node was in role
 * coordinator, measured from the trace's state records (a crash ends a node's office). Zero in a synchronous
 * run; above zero when a partition or a network slower than T lets two nodes each win an election.
 */
export function twoCoordinatorsFact(run: FactsInput): { ms: number; coordinators: NodeId[] } {
  const holding = new Set<NodeId>();
  const seen = new Set<NodeId>();
  let ms = 0;
  let last = 0;
  const advance = (t: number) => {
    if (holding.size >= 2) {
      ms += t - last;
      for (const n of holding) seen.add(n);
    }
    last = t;
  };
  for (const r of run.trace) {
    if (r.kind !== 'state') continue;
    advance(r.t);
    const { view, isUp } = splitRecordedState(r.state);
    if (isUp && (view as BullyView).role === 'coordinator') holding.add(r.node);
    else holding.delete(r.node);
  }
  advance(run.endMs);
  return { ms, coordinators: [...seen].sort() };
}

/** Every election of the run with its messages by type, beside the textbook's bounds for the cluster (elections.ts). */
export function electionMessagesFact(run: FactsInput, n: number) {
  const { best, worst } = electionBounds(n);
  return {
    elections: electionEpisodes(run.trace).map((e) => ({
      at: e.startAt,
      by: e.startedBy,
      ...e.sent,
      total: e.total,
      winner: e.winner,
    })),
    best,
    worst,
  };
}
