import { own } from '../../engine/kit';
import type { Finding, InvariantInfo, Monitor, NodeStatus, World } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import { sameEntry } from './log';
import type { Entry, RaftContext } from './types';

export const raftInvariants: readonly InvariantInfo[] = [
  {
    id: 'election-safety',
    title: 'Election safety',
    rule: 'At most one leader is elected in a given term, over the whole run.',
  },
  {
    id: 'leader-append-only',
    title: 'Leader append-only',
    rule: 'A leader never overwrites or deletes entries in its log; it only appends.',
  },
  {
    id: 'log-matching',
    title: 'Log matching',
    rule: 'If two logs have an entry with the same index and term, the logs are identical up to that index.',
  },
  {
    id: 'leader-completeness',
    title: 'Leader completeness',
    rule: 'An entry committed in a term is present in the log of every leader of every later term.',
  },
  {
    id: 'state-machine-safety',
    title: 'State machine safety',
    rule: 'Once a server applies an entry at an index, no server ever applies a different entry at that index.',
  },
  {
    id: 'durability',
    title: 'Durability',
    rule: "A server's term never goes back and it votes at most once per term, even across crashes and restarts.",
  },
];

/** What the monitor remembers of the run: immutable, replaced field by field when something changes. */
export interface RaftHistory {
  readonly leaders: Readonly<Record<number, NodeId>>;
  readonly leaderLogs: Readonly<Record<NodeId, { readonly term: number; readonly log: readonly Entry[] }>>;
  /** The first entry applied at each index (index i at position i - 1), and the term of the server that applied it. */
  readonly committed: readonly { readonly entry: Entry; readonly term: number }[];
  readonly seenCommit: Readonly<Record<NodeId, number>>;
  readonly seenLog: Readonly<Record<NodeId, readonly Entry[]>>;
  readonly maxTerm: Readonly<Record<NodeId, number>>;
  /** `node:term` to the candidate it voted for. */
  readonly votes: Readonly<Record<string, NodeId>>;
}

type Node = NodeStatus<RaftContext>;

const showEntry = (e: Entry) => (e.command ? `"${e.command}" (term ${e.term})` : `an entry of term ${e.term}`);

export const raftMonitor: Monitor<RaftHistory, RaftContext> = {
  initial(world) {
    return {
      leaders: {},
      leaderLogs: {},
      committed: [],
      seenCommit: {},
      seenLog: Object.fromEntries(world.nodes.map((n) => [n.id, n.context.log])),
      maxTerm: Object.fromEntries(world.nodes.map((n) => [n.id, n.context.term])),
      votes: {},
    };
  },

  check(history, world, changed) {
    const node = world.nodes.find((n) => n.id === changed);
    if (!node) return { history, findings: [] };
    const findings: Finding[] = [];
    let h = history;
    h = durability(h, node, findings);
    h = electionSafety(h, node, findings);
    h = leaderCompletenessAtElection(h, history, node, findings);
    if (node.context.log !== own(h.seenLog, node.id)) {
      h = leaderAppendOnly(h, node, findings);
      logMatching(world, node, findings);
      h = { ...h, seenLog: { ...h.seenLog, [node.id]: node.context.log } };
    }
    h = stateMachineSafety(h, world, node, findings);
    return { history: h, findings };
  },
};

function durability(h: RaftHistory, node: Node, findings: Finding[]): RaftHistory {
  const { term, votedFor } = node.context;
  const max = own(h.maxTerm, node.id) ?? 0;
  if (term < max)
    findings.push({ invariant: 'durability', message: `${node.id}'s term went back from ${max} to ${term}` });
  let next = term > max ? { ...h, maxTerm: { ...h.maxTerm, [node.id]: term } } : h;
  if (votedFor !== null) {
    const key = `${node.id}:${term}`;
    const earlier = own(next.votes, key);
    if (earlier === undefined) next = { ...next, votes: { ...next.votes, [key]: votedFor } };
    else if (earlier !== votedFor) {
      findings.push({
        invariant: 'durability',
        message: `${node.id} voted for both ${earlier} and ${votedFor} in term ${term}`,
      });
    }
  }
  return next;
}

function electionSafety(h: RaftHistory, node: Node, findings: Finding[]): RaftHistory {
  const { role, term } = node.context;
  if (role !== 'leader' || !node.isUp) return h;
  const earlier = h.leaders[term];
  if (earlier === undefined) return { ...h, leaders: { ...h.leaders, [term]: node.id } };
  if (earlier !== node.id) {
    const [a, b] = [earlier, node.id].sort();
    findings.push({ invariant: 'election-safety', message: `${a} and ${b} both lead term ${term}` });
  }
  return h;
}

/** At the moment a server becomes leader, its log must hold every entry committed so far. */
function leaderCompletenessAtElection(
  h: RaftHistory,
  before: RaftHistory,
  node: Node,
  findings: Finding[],
): RaftHistory {
  const { role, term, log } = node.context;
  if (role !== 'leader' || !node.isUp || before.leaders[term] === node.id) return h;
  h.committed.forEach((c, i) => {
    if (c.term < term && !sameEntry(log[i], c.entry)) {
      findings.push({
        invariant: 'leader-completeness',
        message: `${node.id} became leader of term ${term} without committed entry ${i + 1}, ${showEntry(c.entry)}`,
      });
    }
  });
  return h;
}

function leaderAppendOnly(h: RaftHistory, node: Node, findings: Finding[]): RaftHistory {
  const { role, term, log } = node.context;
  if (role !== 'leader' || !node.isUp) return h;
  const earlier = own(h.leaderLogs, node.id);
  if (earlier && earlier.term === term) {
    for (let i = 0; i < earlier.log.length; i++) {
      if (!sameEntry(earlier.log[i], log[i])) {
        findings.push({
          invariant: 'leader-append-only',
          message: `leader ${node.id} of term ${term} removed or overwrote its entry at index ${i + 1}`,
        });
        break;
      }
    }
  }
  return { ...h, leaderLogs: { ...h.leaderLogs, [node.id]: { term, log } } };
}

function logMatching(world: World<RaftContext>, node: Node, findings: Finding[]): void {
  const a = node.context.log;
  for (const other of world.nodes) {
    const b = other.context.log;
    if (other.id === node.id || a === b) continue;
    let top = Math.min(a.length, b.length);
    while (top > 0 && (a[top - 1] as Entry).term !== (b[top - 1] as Entry).term) top--;
    for (let i = 0; i < top; i++) {
      if (!sameEntry(a[i], b[i])) {
        const [x, y] = [node.id, other.id].sort();
        findings.push({
          invariant: 'log-matching',
          message: `${x} and ${y} agree on the term of index ${top} but differ at index ${i + 1}`,
        });
        break;
      }
    }
  }
}

function stateMachineSafety(h: RaftHistory, world: World<RaftContext>, node: Node, findings: Finding[]): RaftHistory {
  const { commitIndex, log, term } = node.context;
  const seen = own(h.seenCommit, node.id) ?? 0;
  if (commitIndex === seen) return h;
  let committed = h.committed;
  for (let i = seen + 1; i <= commitIndex; i++) {
    const entry = log[i - 1];
    if (!entry) break;
    const earlier = committed[i - 1];
    if (earlier === undefined) {
      if (committed === h.committed) committed = h.committed.slice();
      (committed as { entry: Entry; term: number }[])[i - 1] = { entry, term };
      laterLeadersHold(world, entry, i, term, findings);
    } else if (!sameEntry(earlier.entry, entry)) {
      findings.push({
        invariant: 'state-machine-safety',
        message: `${node.id} applied ${showEntry(entry)} at index ${i}, where ${showEntry(earlier.entry)} was applied before`,
      });
    }
  }
  return { ...h, committed, seenCommit: { ...h.seenCommit, [node.id]: commitIndex } };
}

/** An entry committed now must already be in the log of any live leader of a later term. */
function laterLeadersHold(
  world: World<RaftContext>,
  entry: Entry,
  index: number,
  term: number,
  findings: Finding[],
): void {
  for (const n of world.nodes) {
    if (!n.isUp || n.context.role !== 'leader' || n.context.term <= term) continue;
    if (!sameEntry(n.context.log[index - 1], entry)) {
      findings.push({
        invariant: 'leader-completeness',
        message: `entry ${index}, ${showEntry(entry)}, was committed but leader ${n.id} of term ${n.context.term} lacks it`,
      });
    }
  }
}
