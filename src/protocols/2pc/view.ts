import { dict, own } from '../../engine/kit';
import type { MessageLook, Milestone } from '../../engine/protocol';
import type { NodeId, NodeView, Payload } from '../../engine/types';
import type {
  CoordinatorContext,
  CoordinatorState,
  CoordinatorTx,
  ParticipantState,
  TwoPcContext,
  TwoPcMessage,
  TxId,
  Vote,
} from './types';

/** A participant's view of one transaction: its state and its vote (null until it voted). */
export type ParticipantTxView = { readonly state: ParticipantState; readonly vote: Vote | null };
/** The coordinator's view of one transaction: its state and the votes received, in node order. */
export type CoordinatorTxView = { readonly state: CoordinatorState; readonly votes: Readonly<Record<NodeId, Vote>> };

/**
 * The contract's node view for 2PC (scenario.md, "Node view"), declared once: the engine writes it, the
 * face and the panels under src/ui/protocols/2pc read it.
 */
export type TwoPcView =
  | { readonly role: 'participant'; readonly transactions: Readonly<Record<TxId, ParticipantTxView>> }
  | { readonly role: 'coordinator'; readonly transactions: Readonly<Record<TxId, CoordinatorTxView>> };

/**
 * The contract's node view: `role` and `transactions`. Transactions appear in the order the node
 * learned of them (kept across a crash, since the logs keep it; ids that look like integers come first,
 * as JavaScript orders keys), a coordinator's votes in node order, so a run always prints the same JSON.
 *
 * The view is written on every change, so it is built in time proportional to what changed, not to how
 * many transactions the node knows: a participant's transactions already have the view's shape and are
 * shared as they are, and a coordinator's transaction views are kept by the transaction's identity.
 */
export function twoPcView(ctx: TwoPcContext): TwoPcView {
  switch (ctx.role) {
    case 'participant':
      // A ParticipantTx is `{ state, vote }` in that order, the view's very shape (types.ts).
      return { role: ctx.role, transactions: ctx.transactions };
    case 'coordinator':
      return { role: ctx.role, transactions: coordinatorTransactions(ctx) };
    default:
      return ctx satisfies never;
  }
}

/**
 * The coordinator's last transactions map and its view, by the node's participant list (one list per node
 * life, shared by all its contexts). A transaction the step did not replace keeps its view; the result
 * depends only on the context, whichever map was viewed last.
 */
const lastViewed = new WeakMap<
  readonly NodeId[],
  { readonly transactions: CoordinatorContext['transactions']; readonly view: Record<TxId, CoordinatorTxView> }
>();

function coordinatorTransactions(ctx: CoordinatorContext): Readonly<Record<TxId, CoordinatorTxView>> {
  const last = lastViewed.get(ctx.participants);
  if (last?.transactions === ctx.transactions) return last.view;
  const view = dict<CoordinatorTxView>();
  for (const tx in ctx.transactions) {
    const t = ctx.transactions[tx] as CoordinatorTx;
    const before = last && own(last.transactions, tx) === t ? own(last.view, tx) : undefined;
    view[tx] = before ?? { state: t.state, votes: votesInNodeOrder(ctx.participants, t) };
  }
  lastViewed.set(ctx.participants, { transactions: ctx.transactions, view });
  return view;
}

function votesInNodeOrder(participants: readonly NodeId[], t: CoordinatorTx): Record<NodeId, Vote> {
  const votes = dict<Vote>();
  for (const p of participants) {
    const vote = own(t.votes, p);
    if (vote !== undefined) votes[p] = vote;
  }
  return votes;
}

export function describeTwoPcMessage(payload: Payload): MessageLook {
  const m = payload as TwoPcMessage;
  switch (m.type) {
    case 'Prepare':
      return { label: `Prepare ${m.tx}`, isReply: false };
    case 'Vote':
      return { label: `Vote ${m.tx} ${m.vote}`, isReply: true };
    case 'Commit':
      return { label: `Commit ${m.tx}`, isReply: false };
    case 'Abort':
      return { label: `Abort ${m.tx}`, isReply: false };
    case 'Ack':
      return { label: `Ack ${m.tx}`, isReply: true };
    case 'DecisionRequest':
      return { label: `DecisionRequest ${m.tx}`, isReply: false };
    default:
      m satisfies never;
      return { label: String((payload as Payload).type), isReply: false };
  }
}

/** Timeline milestones: the coordinator decides a transaction. */
export function twoPcMilestones(_node: NodeId, before: NodeView | undefined, after: NodeView): Milestone[] {
  if (after.role !== 'coordinator') return [];
  const out: Milestone[] = [];
  const was = (before?.transactions ?? {}) as Record<string, { state: string }>;
  for (const [tx, t] of Object.entries(after.transactions as Record<string, { state: string }>)) {
    if ((t.state === 'committed' || t.state === 'aborted') && own(was, tx)?.state !== t.state) {
      out.push({ kind: 'decision', label: `${tx} ${t.state}` });
    }
  }
  return out;
}
