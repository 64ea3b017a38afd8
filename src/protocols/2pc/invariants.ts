import { changedEntries, dict, own, Wide, withEntry } from '../../engine/kit';
import type { Finding, InvariantInfo, Monitor } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import type { CoordinatorTx, ParticipantTx, TwoPcContext, TxId, Vote } from './types';

export const twoPcInvariants: readonly InvariantInfo[] = [
  {
    id: 'atomicity',
    title: 'Atomicity',
    rule: 'No transaction is committed at one node and aborted at another, over the whole run: all nodes that decide, decide alike.',
  },
  {
    id: 'validity',
    title: 'Validity',
    rule: 'A transaction is committed anywhere only if every participant voted yes on it.',
  },
];

interface Outcome {
  /** The first node seen committed, and the first seen aborted. */
  readonly committed?: NodeId;
  readonly aborted?: NodeId;
}

/** What the monitor remembers of the run: immutable, replaced field by field when something changes. */
export interface TwoPcHistory {
  /** Wide records (kit/wide.ts), like the nodes' transactions: an update copies one chunk, not the run. */
  readonly outcomes: Wide<Outcome>;
  /** Each participant's vote as it recorded it; a no, once seen, stays no. */
  readonly votes: Wide<Readonly<Record<NodeId, Vote>>>;
  /** The transactions map of each node at its last check, to skip nodes whose transactions did not change. */
  readonly seen: Readonly<Record<NodeId, unknown>>;
}

export const twoPcMonitor: Monitor<TwoPcHistory, TwoPcContext> = {
  initial: () => ({ outcomes: Wide.empty(), votes: Wide.empty(), seen: dict() }),

  check(history, world, changed) {
    const node = world.nodes.find((n) => n.id === changed);
    if (!node || own(history.seen, changed) === node.context.transactions) return { history, findings: [] };
    let { outcomes, votes } = history;
    const touched: TxId[] = [];
    // Contexts are immutable: a transaction the node's step did not replace is as it was at the last check,
    // so only the replaced ones are looked at (a run of n transactions costs n checks, not n squared).
    // Both are wide records (kit/wide.ts): the chunks they share are not even looked at.
    type Tx = CoordinatorTx | ParticipantTx;
    const before = own(history.seen, changed) as Wide<Tx> | undefined;
    for (const [tx, t] of changedEntries(before, node.context.transactions as Wide<Tx>)) {
      let isTouched = false;
      const vote = 'vote' in t ? t.vote : null;
      const txVotes = own(votes, tx) ?? dict<Vote>();
      const recorded = own(txVotes, changed);
      if (vote !== null && recorded !== 'no' && recorded !== vote) {
        votes = votes.set(tx, withEntry(txVotes, changed, vote));
        isTouched = true;
      }
      const outcome = own(outcomes, tx) ?? {};
      if (t.state === 'committed' && outcome.committed === undefined) {
        outcomes = outcomes.set(tx, { ...outcome, committed: changed });
        isTouched = true;
      } else if (t.state === 'aborted' && outcome.aborted === undefined) {
        outcomes = outcomes.set(tx, { ...outcome, aborted: changed });
        isTouched = true;
      }
      if (isTouched) touched.push(tx);
    }
    const next: TwoPcHistory = { outcomes, votes, seen: withEntry(history.seen, changed, node.context.transactions) };
    const findings: Finding[] = [];
    for (const tx of touched) {
      atomicity(next, tx, findings);
      validity(next, tx, node.context.participants, findings);
    }
    return { history: next, findings };
  },
};

function atomicity(h: TwoPcHistory, tx: TxId, findings: Finding[]): void {
  const { committed, aborted } = own(h.outcomes, tx) ?? {};
  if (committed === undefined || aborted === undefined) return;
  findings.push({ invariant: 'atomicity', message: `${tx} was committed at ${committed} but aborted at ${aborted}` });
}

function validity(h: TwoPcHistory, tx: TxId, participants: readonly NodeId[], findings: Finding[]): void {
  const committed = own(h.outcomes, tx)?.committed;
  if (committed === undefined) return;
  for (const p of participants) {
    const txVotes = own(h.votes, tx);
    const vote = txVotes && own(txVotes, p);
    if (vote === 'yes') continue;
    findings.push({
      invariant: 'validity',
      message: `${tx} was committed at ${committed} though ${p} ${vote === 'no' ? 'voted no' : 'never voted'}`,
    });
  }
}
