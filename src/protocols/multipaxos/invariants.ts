import { own, withEntry } from '../../engine/kit';
import type { Finding, InvariantInfo, Monitor, World } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import { ballotText, compareBallots, majorityOf, sameBallot } from './ballot';
import { type Accepted, type Ballot, type MultiPaxosContext, NOOP, type PValue } from './types';

/** spec/protocols.md `multipaxos`: consensus per slot, the replicated state machine, the acceptor's promise. */
export const multiPaxosInvariants: readonly InvariantInfo[] = [
  {
    id: 'agreement',
    title: 'Agreement',
    rule:
      'At most one command is chosen in each slot (accepted by a majority in one ballot), and a replica decides ' +
      'a slot only with the command chosen there.',
  },
  { id: 'validity', title: 'Validity', rule: 'A command chosen in a slot was requested by a client, or is noop.' },
  {
    id: 'state-machine-safety',
    title: 'State machine safety',
    rule:
      'Every replica holds the same command in each slot it has decided, and executes slots in order, never ' +
      'past one it has not decided.',
  },
  {
    id: 'promise-kept',
    title: 'Promises are kept',
    rule: 'An acceptor never promises or accepts below a ballot it has promised, even after it crashed and restarted.',
  },
  {
    id: 'gaps-filled',
    title: 'Gaps are filled',
    rule: 'Once the run settles, every slot below the highest decided one is decided on every replica that is up.',
    eventual: true,
    downOk: true,
  },
];

/** A pvalue accepted by some acceptors: `by` reaching a majority means its command is chosen in its slot. */
interface Votes {
  readonly ballot: Ballot;
  readonly command: string;
  readonly by: readonly NodeId[];
}

interface Seen {
  readonly promised: Ballot | null;
  readonly accepted: Accepted;
  readonly decisions: readonly (string | null)[];
}

/** The monitor's memory: it sees every node across crashes, so a promise lost on disk is still known here. */
export interface MultiPaxosHistory {
  readonly highest: Readonly<Record<NodeId, Ballot>>;
  readonly last: Readonly<Record<NodeId, Seen>>;
  /** Per slot, every pvalue some acceptor accepted there. */
  readonly votes: Readonly<Record<number, readonly Votes[]>>;
  /** Per slot, the first command chosen there and its ballot. */
  readonly chosen: Readonly<Record<number, Votes>>;
  /** Per slot, the first command a replica decided there, and which replica. */
  readonly decided: Readonly<Record<number, { readonly command: string; readonly by: NodeId }>>;
  /** Every command a leader took a request for. */
  readonly requested: readonly string[];
}

const EMPTY: Seen = { promised: null, accepted: {}, decisions: [] };

export const multiPaxosMonitor: Monitor<MultiPaxosHistory, MultiPaxosContext> = {
  initial: () => ({ highest: {}, last: {}, votes: {}, chosen: {}, decided: {}, requested: [] }),

  check(history, world, changed) {
    const node = world.nodes.find((n) => n.id === changed);
    if (!node?.isUp) return { history, findings: [] };
    const ctx = node.context;
    const findings: Finding[] = [];
    let h = requests(history, ctx);
    const before = own(h.last, changed) ?? EMPTY;
    const highest = own(h.highest, changed) ?? null;
    if (ctx.promised !== null && !sameBallot(ctx.promised, before.promised) && highest !== null) {
      if (compareBallots(ctx.promised, highest, ctx.nodes) < 0) {
        findings.push({
          invariant: 'promise-kept',
          message: `${changed} promised ${ballotText(ctx.promised)} after promising ${ballotText(highest)}`,
        });
      }
    }
    if (ctx.accepted !== before.accepted) {
      for (const [key, pv] of Object.entries(ctx.accepted)) {
        const slot = Number(key);
        const old = before.accepted[slot];
        if (old !== undefined && sameBallot(old.ballot, pv.ballot) && old.command === pv.command) continue;
        if (highest !== null && compareBallots(pv.ballot, highest, ctx.nodes) < 0) {
          findings.push({
            invariant: 'promise-kept',
            message: `${changed} accepted ${pv.command} in slot ${slot} at ${ballotText(pv.ballot)} after promising ${ballotText(highest)}`,
          });
        }
        h = vote(h, changed, slot, pv, world, findings);
      }
    }
    if (ctx.decisions !== before.decisions) h = decisions(h, changed, ctx, before.decisions, findings);
    const top = compareBallots(highest, ctx.promised, ctx.nodes) >= 0 ? highest : ctx.promised;
    h = {
      ...h,
      last: withEntry(h.last, changed, { promised: ctx.promised, accepted: ctx.accepted, decisions: ctx.decisions }),
      highest: top === null ? h.highest : withEntry(h.highest, changed, top),
    };
    return { history: h, findings };
  },

  // gaps-filled (eventual, down ok): no up replica lacks a slot below the highest slot any up replica decided.
  settled(_history, world) {
    const up = world.nodes.filter((n) => n.isUp);
    let top = 0;
    for (const n of up) top = Math.max(top, lastDecided(n.context.decisions));
    const findings: Finding[] = [];
    for (const n of up) {
      for (let slot = 1; slot < top; slot++) {
        if ((n.context.decisions[slot - 1] ?? null) === null) {
          findings.push({
            invariant: 'gaps-filled',
            message: `${n.id} has not decided slot ${slot}, below slot ${top}, and stopped executing at slot ${n.context.slotOut}`,
          });
          break;
        }
      }
    }
    return findings;
  },
};

function lastDecided(decisions: readonly (string | null)[]): number {
  for (let i = decisions.length - 1; i >= 0; i--) if (decisions[i] !== null) return i + 1;
  return 0;
}

/** Commands a leader took a request for: in its queue, or proposed into a slot on a client's behalf. */
function requests(h: MultiPaxosHistory, ctx: MultiPaxosContext): MultiPaxosHistory {
  const fresh = [...ctx.requests, ...Object.values(ctx.owed)].filter((c) => !h.requested.includes(c));
  return fresh.length === 0 ? h : { ...h, requested: [...h.requested, ...new Set(fresh)] };
}

/** Counts `node`'s acceptance of `pv` in `slot`; a majority in one ballot chooses its command (Agreement, Validity). */
function vote(
  h: MultiPaxosHistory,
  node: NodeId,
  slot: number,
  pv: PValue,
  world: World<MultiPaxosContext>,
  findings: Finding[],
): MultiPaxosHistory {
  const list = h.votes[slot] ?? [];
  const at = list.findIndex((v) => sameBallot(v.ballot, pv.ballot) && v.command === pv.command);
  const old: Votes = at < 0 ? { ballot: pv.ballot, command: pv.command, by: [] } : (list[at] as Votes);
  if (old.by.includes(node)) return h;
  const updated: Votes = { ...old, by: [...old.by, node] };
  const next = at < 0 ? [...list, updated] : list.map((v, i) => (i === at ? updated : v));
  const votes = { ...h.votes, [slot]: next };
  if (updated.by.length !== majorityOf(world.nodes.length)) return { ...h, votes };
  const first = h.chosen[slot];
  if (first !== undefined && first.command !== updated.command) {
    findings.push({
      invariant: 'agreement',
      message:
        `slot ${slot} chosen twice: ${first.command} at ${ballotText(first.ballot)} by ${first.by.join(', ')}; ` +
        `then ${updated.command} at ${ballotText(updated.ballot)} by ${updated.by.join(', ')}`,
    });
  }
  if (updated.command !== NOOP && !h.requested.includes(updated.command)) {
    findings.push({
      invariant: 'validity',
      message: `${updated.command} was chosen in slot ${slot} but never requested`,
    });
  }
  return { ...h, votes, chosen: first === undefined ? { ...h.chosen, [slot]: updated } : h.chosen };
}

/** New decisions at `node`: each must be the command chosen there, the same as other replicas', executed in order. */
function decisions(
  h: MultiPaxosHistory,
  node: NodeId,
  ctx: MultiPaxosContext,
  before: readonly (string | null)[],
  findings: Finding[],
): MultiPaxosHistory {
  let decided = h.decided;
  ctx.decisions.forEach((command, i) => {
    const slot = i + 1;
    if (command === null || before[i] === command) return;
    const chosen = h.chosen[slot];
    if (chosen === undefined || chosen.command !== command) {
      findings.push({
        invariant: 'agreement',
        message:
          chosen === undefined
            ? `${node} decided ${command} in slot ${slot}, which no majority accepted`
            : `${node} decided ${command} in slot ${slot}, but ${chosen.command} was chosen there`,
      });
    }
    const first = decided[slot];
    if (first === undefined) decided = { ...decided, [slot]: { command, by: node } };
    else if (first.command !== command) {
      findings.push({
        invariant: 'state-machine-safety',
        message: `${node} holds ${command} in slot ${slot}, where ${first.by} holds ${first.command}`,
      });
    }
  });
  for (let slot = 1; slot < ctx.slotOut; slot++) {
    if ((ctx.decisions[slot - 1] ?? null) === null) {
      findings.push({
        invariant: 'state-machine-safety',
        message: `${node} executed past slot ${slot}, which it has not decided`,
      });
      break;
    }
  }
  return decided === h.decided ? h : { ...h, decided };
}
