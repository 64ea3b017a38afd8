import { own, withEntry } from '../../engine/kit';
import type { Finding, InvariantInfo, Monitor, World } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import { ballotText, compareBallots, majorityOf, sameBallot } from './ballot';
import type { Ballot, PaxosContext, Proposal } from './types';

/** The safety properties of consensus ("Paxos Made Simple" §2.1) and the acceptor's promise (§2.2, P1a; §2.5). */
export const paxosInvariants: readonly InvariantInfo[] = [
  {
    id: 'agreement',
    title: 'Agreement',
    rule:
      'At most one value is ever chosen (accepted by a majority of acceptors in one ballot), and a learner ' +
      'learns only that value.',
  },
  { id: 'validity', title: 'Validity', rule: 'Only a value that some proposer was asked to propose can be chosen.' },
  {
    id: 'promise-kept',
    title: 'Promises are kept',
    rule: 'An acceptor never promises or accepts below a ballot it has promised, even after it crashed and restarted.',
  },
];

/** A ballot in which a majority of acceptors accepted the same value: the value is chosen (§2.2). */
export interface Choice {
  readonly ballot: Ballot;
  readonly value: string;
  readonly by: readonly NodeId[];
}

/** What the monitor remembers: it sees every node across crashes, so a promise forgotten on disk is still known here. */
export interface PaxosHistory {
  /** Per acceptor, the highest ballot it ever promised (accepting n promises n). */
  readonly highest: Readonly<Record<NodeId, Ballot>>;
  /** Per node, its promise and accepted proposal when last seen, to tell what a step changed. */
  readonly last: Readonly<Record<NodeId, { readonly promised: Ballot | null; readonly accepted: Proposal | null }>>;
  /** Every proposal any acceptor ever accepted, with who accepted it. */
  readonly votes: readonly Choice[];
  /** The ballots that reached a majority, in the order they did. */
  readonly choices: readonly Choice[];
  /** Every value a proposer was asked to propose. */
  readonly requested: readonly string[];
}

const show = (c: Choice) => `${c.value} at ${ballotText(c.ballot)} by ${c.by.join(', ')}`;

export const paxosMonitor: Monitor<PaxosHistory, PaxosContext> = {
  initial: () => ({ highest: {}, last: {}, votes: [], choices: [], requested: [] }),

  check(history, world, changed) {
    const node = world.nodes.find((n) => n.id === changed);
    if (!node?.isUp) return { history, findings: [] };
    const ctx = node.context;
    const nodes = ctx.nodes;
    const findings: Finding[] = [];
    let h = history;
    const asked = ctx.proposer?.own ?? null;
    if (asked !== null && !h.requested.includes(asked)) h = { ...h, requested: [...h.requested, asked] };

    // Node ids are user text: read them as own keys only (a node may be called `constructor`).
    const before = own(h.last, changed) ?? { promised: null, accepted: null };
    const highest = own(h.highest, changed) ?? null;
    if (ctx.promised !== null && !sameBallot(ctx.promised, before.promised)) {
      if (highest !== null && compareBallots(ctx.promised, highest, nodes) < 0) {
        findings.push({
          invariant: 'promise-kept',
          message: `${changed} promised ${ballotText(ctx.promised)} after promising ${ballotText(highest)}`,
        });
      }
    }
    const newlyAccepted =
      ctx.accepted !== null && !sameBallot(ctx.accepted.ballot, before.accepted?.ballot ?? null) ? ctx.accepted : null;
    if (newlyAccepted !== null) {
      if (highest !== null && compareBallots(newlyAccepted.ballot, highest, nodes) < 0) {
        findings.push({
          invariant: 'promise-kept',
          message:
            `${changed} accepted ${newlyAccepted.value} at ${ballotText(newlyAccepted.ballot)} after promising ` +
            ballotText(highest),
        });
      }
      h = vote(h, changed, newlyAccepted, world, findings);
    }
    const top = [highest, ctx.promised].reduce<Ballot | null>(
      (a, b) => (compareBallots(a, b, nodes) >= 0 ? a : b),
      null,
    );
    h = {
      ...h,
      last: withEntry(h.last, changed, { promised: ctx.promised, accepted: ctx.accepted }),
      highest: top === null ? h.highest : withEntry(h.highest, changed, top),
    };
    // A learner learns only the chosen value (§2.3): never one no majority accepted, never a second one.
    const first = h.choices[0];
    if (ctx.chosen !== null && (first === undefined || first.value !== ctx.chosen)) {
      findings.push({
        invariant: 'agreement',
        message:
          first === undefined
            ? `${changed} learned ${ctx.chosen}, which no majority accepted`
            : `${changed} learned ${ctx.chosen}, but ${first.value} was chosen`,
      });
    }
    return { history: h, findings };
  },
};

/** Counts `node`'s acceptance of `p`; a ballot reaching a majority chooses its value (Agreement, Validity). */
function vote(
  h: PaxosHistory,
  node: NodeId,
  p: Proposal,
  world: World<PaxosContext>,
  findings: Finding[],
): PaxosHistory {
  const at = h.votes.findIndex((v) => sameBallot(v.ballot, p.ballot));
  const old = at < 0 ? { ballot: p.ballot, value: p.value, by: [] } : (h.votes[at] as Choice);
  if (old.by.includes(node)) return h;
  const updated: Choice = { ...old, by: [...old.by, node] };
  const votes = at < 0 ? [...h.votes, updated] : h.votes.map((v, i) => (i === at ? updated : v));
  const isNew = updated.by.length === majorityOf(world.nodes.length);
  if (!isNew) return { ...h, votes };
  const other = h.choices.find((c) => c.value !== updated.value);
  if (other !== undefined) {
    findings.push({ invariant: 'agreement', message: `two values chosen: ${show(other)}; then ${show(updated)}` });
  }
  if (!h.requested.includes(updated.value)) {
    findings.push({ invariant: 'validity', message: `${updated.value} was chosen but never requested` });
  }
  return { ...h, votes, choices: [...h.choices, updated] };
}
