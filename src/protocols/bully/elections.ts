import { splitRecordedState } from '../../engine/recordedState';
import type { NodeId, TraceRecord, VirtualMs } from '../../engine/types';
import type { BullyMessageType, BullyView, Role } from './types';

/** The messages an election is made of; `Heartbeat` is the coordinator's keep-alive and counts in none. */
export type ElectionMessage = Exclude<BullyMessageType, 'Heartbeat'>;
const COUNTED: readonly string[] = ['Election', 'Answer', 'Coordinator'] satisfies ElectionMessage[];

/** One election, from its first `Election`, `Answer` or `Coordinator` until every up node is calm again. */
export interface ElectionEpisode {
  readonly startAt: VirtualMs;
  /** When every up node was a member or coordinator again with no election message on the wire; null if open. */
  readonly endAt: VirtualMs | null;
  /** Who sent the first message of it (the node that noticed, or was asked). */
  readonly startedBy: NodeId;
  /** Messages sent by the nodes, by type (the network's duplicates not counted). */
  readonly sent: Readonly<Record<ElectionMessage, number>>;
  readonly total: number;
  /** The nodes that held an election in it (sent `Election`), in the order they first did. */
  readonly electors: readonly NodeId[];
  /** The highest node up in role coordinator when it ended (or now, while open). */
  readonly winner: NodeId | null;
  /** Every node up in role coordinator when it ended (or now): two or more when the network failed it. */
  readonly coordinators: readonly NodeId[];
}

/**
 * The textbook's bounds for one election in a cluster of n after its coordinator, the highest node, crashed
 * (Coulouris et al., Distributed Systems, 5th ed., §15.3.2: best case when the second-highest notices, O(n²) in
 * the worst case), counted under the rules of rules.ts:
 * - best: the second-highest notices: 1 `Election` (to the dead node), n − 2 `Coordinator`: n − 1.
 * - worst: the lowest notices and every live node holds an election once. Node i (1-based) sends n − i
 *   `Election`s, n(n − 1)/2 in all; each of the n − 2 live nodes above the lowest answers every live node
 *   below it, (n − 1)(n − 2)/2 `Answer`s; the winner sends n − 2 `Coordinator`s: n² − n − 1 in all.
 */
export function electionBounds(n: number) {
  const elections = (n * (n - 1)) / 2;
  const answers = ((n - 1) * (n - 2)) / 2;
  const coordinators = Math.max(0, n - 2);
  return {
    best: Math.max(0, n - 1),
    worst: elections + answers + coordinators,
    worstParts: { Election: elections, Answer: answers, Coordinator: coordinators },
  };
}

interface Open {
  startAt: VirtualMs;
  startedBy: NodeId;
  sent: Record<ElectionMessage, number>;
  electors: NodeId[];
}

const close = (e: Open, endAt: VirtualMs | null, coordinators: readonly NodeId[]): ElectionEpisode => ({
  ...e,
  endAt,
  total: e.sent.Election + e.sent.Answer + e.sent.Coordinator,
  winner: coordinators[coordinators.length - 1] ?? null,
  coordinators,
});

/**
 * Every election of a run, from its trace up to `length` records (pure: the panel, the facts and the tests
 * share it). An election is open while some up node is electing or waiting, or an election message is on the
 * wire; it closes when neither holds. The check waits for a step's sends, so a winner's `Coordinator`s
 * belong to the election it won.
 */
export function electionEpisodes(records: readonly TraceRecord[], length = records.length): ElectionEpisode[] {
  const roles = new Map<NodeId, Role | 'down'>();
  const onWire = new Set<number>();
  const done: ElectionEpisode[] = [];
  let open: Open | null = null;
  // Roles in node order: every node's first state record comes at time 0, in scenario order.
  const coordinatorsNow = () => [...roles].flatMap(([id, r]) => (r === 'coordinator' ? [id] : []));
  const isCalm = () => [...roles.values()].every((r) => r === 'member' || r === 'coordinator' || r === 'down');
  const tryClose = (t: VirtualMs) => {
    if (open !== null && onWire.size === 0 && isCalm()) {
      done.push(close(open, t, coordinatorsNow()));
      open = null;
    }
  };
  let lastT = 0;
  for (let i = 0; i < length; i++) {
    const r = records[i];
    if (r === undefined) continue;
    // A step's sends follow its state record at the same time: judge the election only between steps.
    if (!(r.kind === 'send' && r.t === lastT)) tryClose(lastT);
    lastT = r.t;
    if (r.kind === 'state') {
      const { view, isUp } = splitRecordedState(r.state);
      const role = (view as BullyView).role;
      roles.set(r.node, isUp ? role : 'down');
    } else if (r.kind === 'send' && COUNTED.includes(r.type)) {
      if (r.deliverAt !== undefined) onWire.add(r.id);
      if (r.duplicateOf !== undefined) continue;
      if (open === null) {
        open = { startAt: r.t, startedBy: r.from, sent: { Election: 0, Answer: 0, Coordinator: 0 }, electors: [] };
      }
      open.sent[r.type as ElectionMessage] += 1;
      if (r.type === 'Election' && !open.electors.includes(r.from)) open.electors.push(r.from);
    } else if (r.kind === 'deliver' || r.kind === 'drop') {
      onWire.delete(r.id);
    }
  }
  tryClose(lastT);
  const last = open as Open | null;
  return last === null ? done : [...done, close(last, null, coordinatorsNow())];
}
