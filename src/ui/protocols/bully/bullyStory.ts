import type { NodeId, TraceRecord, VirtualMs } from '../../../engine/types';
import { type ElectionEpisode, electionBounds, electionEpisodes } from '../../../protocols/bully/elections';
import { twoCoordinatorsFact } from '../../../protocols/bully/facts';
import type { BullyView } from '../../../protocols/bully/types';

/**
 * What the bully panel tells beyond the nodes' views, derived from the trace and the network now (pure, so it is
 * tested without a page): the elections so far with their messages by type against the textbook's bounds, the
 * time the cluster had two or more coordinators, and the coordinators of each group of nodes that can reach
 * each other (Garcia-Molina 1982 §IV: with communication failures the nodes split into groups, each with a
 * coordinator of its own).
 */
export interface NodeRow {
  readonly id: NodeId;
  readonly isUp: boolean;
  readonly view: BullyView;
}

export interface Side {
  readonly nodes: readonly NodeId[];
  readonly coordinators: readonly NodeId[];
}

export interface BullyStory {
  readonly episodes: readonly ElectionEpisode[];
  /** The election under way, else the last one; null before any. */
  readonly current: ElectionEpisode | null;
  readonly bounds: ReturnType<typeof electionBounds>;
  readonly twoCoordinatorsMs: number;
  /** The up nodes split into groups that can reach each other both ways, with the coordinators in each. */
  readonly sides: readonly Side[];
  /** Up nodes in role coordinator. */
  readonly coordinators: readonly NodeId[];
}

/** Groups of up nodes joined by links open both ways (a partition's sides, or finer under cuts). */
export function sidesOf(rows: readonly NodeRow[], canReach: (a: NodeId, b: NodeId) => boolean): Side[] {
  const up = rows.filter((r) => r.isUp);
  const seen = new Set<NodeId>();
  const sides: Side[] = [];
  for (const start of up) {
    if (seen.has(start.id)) continue;
    const group: NodeId[] = [];
    const queue = [start.id];
    seen.add(start.id);
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      group.push(next);
      for (const r of up) {
        if (!seen.has(r.id) && canReach(next, r.id) && canReach(r.id, next)) {
          seen.add(r.id);
          queue.push(r.id);
        }
      }
    }
    const order = up.map((r) => r.id).filter((id) => group.includes(id));
    const coordinators = up.filter((r) => order.includes(r.id) && r.view.role === 'coordinator').map((r) => r.id);
    sides.push({ nodes: order, coordinators });
  }
  return sides;
}

export function bullyStory(
  records: readonly TraceRecord[],
  length: number,
  nowMs: VirtualMs,
  rows: readonly NodeRow[],
  canReach: (a: NodeId, b: NodeId) => boolean,
): BullyStory {
  const episodes = electionEpisodes(records, length);
  const trace = records.slice(0, length);
  return {
    episodes,
    current: episodes[episodes.length - 1] ?? null,
    bounds: electionBounds(rows.length),
    twoCoordinatorsMs: twoCoordinatorsFact({ trace, history: [], series: {}, endMs: nowMs }).ms,
    sides: sidesOf(rows, canReach),
    coordinators: rows.filter((r) => r.isUp && r.view.role === 'coordinator').map((r) => r.id),
  };
}

const list = (ids: readonly NodeId[]) => ids.join(', ');

/** The panel's headline: who coordinates, and whether every up node agrees. */
export function headline(story: BullyStory, rows: readonly NodeRow[]): string {
  const c = story.coordinators;
  if (c.length === 0) return 'No node is coordinator right now: an election is under way.';
  if (c.length > 1) return `${c.length} coordinators at once: ${list(c)}.`;
  const only = c[0] as NodeId;
  const others = rows.filter((r) => r.isUp && r.id !== only);
  const naming = others.filter((r) => r.view.coordinator === only);
  if (naming.length === others.length) return `Coordinator: ${only}, named by every node that is up.`;
  return `Coordinator: ${only}, named by ${naming.length} of the ${others.length} other nodes up.`;
}

/** One election in words, for the list and a screen reader. */
export function episodeWords(e: ElectionEpisode): string {
  const when = `${(e.startAt / 1000).toFixed(2)} s`;
  const end =
    e.endAt === null
      ? 'under way'
      : `ended with ${e.coordinators.length > 1 ? `${list(e.coordinators)} all coordinators` : (e.winner ?? 'no coordinator')}`;
  return (
    `${when}, started by ${e.startedBy}: ${e.total} messages (${e.sent.Election} Election, ${e.sent.Answer} ` +
    `Answer, ${e.sent.Coordinator} Coordinator), ${end}`
  );
}

/** Where an election's count sits against the textbook's bounds for this cluster. */
export function againstBounds(e: ElectionEpisode, bounds: BullyStory['bounds']): string {
  if (e.total === bounds.best) return 'exactly the best case';
  if (e.total === bounds.worst) return 'exactly the worst case';
  if (e.total < bounds.best) return 'below the best case (the cluster was not in the textbook’s shape)';
  if (e.total < bounds.worst) return 'between the best and the worst case';
  return 'above the textbook’s worst case: more than one node started, or the highest node was up';
}
