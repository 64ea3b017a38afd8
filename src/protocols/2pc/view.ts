import { changedEntries, dict, type Keyed, own, type Wide, type WideChunk } from '../../engine/kit';
import type { MessageLook, Milestone } from '../../engine/protocol';
import type { NodeId, NodeView, Payload } from '../../engine/types';
import type {
  CoordinatorContext,
  CoordinatorState,
  CoordinatorTx,
  ParticipantState,
  TwoPcContext,
  TwoPcMessage,
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
  | { readonly role: 'participant'; readonly transactions: Keyed<ParticipantTxView> }
  | { readonly role: 'coordinator'; readonly transactions: Keyed<CoordinatorTxView> };

/**
 * The contract's node view: `role` and `transactions`. Transactions appear in the order the node
 * learned of them (kept across a crash, since the logs keep it; ids that look like integers come first,
 * as JavaScript orders keys), a coordinator's votes in node order, so a run always prints the same JSON.
 *
 * The view is written on every change, so it is built in time proportional to what changed, not to how
 * many transactions the node knows: `transactions` is a wide record (kit/wide.ts) that shares every chunk
 * the step did not touch with the view before. A participant's transactions already have the view's
 * shape and are shared as they are; a coordinator's are mapped chunk by chunk, each chunk and each
 * transaction's view kept by identity.
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
 * What the coordinator's views are built from, by the node's participant list (one list per node life,
 * shared by all its contexts): each transaction's view by the transaction's identity, each mapped chunk
 * by its chunk, and the last map viewed. The result depends only on the context.
 */
interface Viewed {
  readonly txs: WeakMap<CoordinatorTx, CoordinatorTxView>;
  readonly chunks: WeakMap<WideChunk<CoordinatorTx>, WideChunk<CoordinatorTxView>>;
  last?: { readonly transactions: Wide<CoordinatorTx>; readonly view: Wide<CoordinatorTxView> };
}

const viewed = new WeakMap<readonly NodeId[], Viewed>();

function coordinatorTransactions(ctx: CoordinatorContext): Wide<CoordinatorTxView> {
  let memo = viewed.get(ctx.participants);
  if (memo === undefined) {
    memo = { txs: new WeakMap(), chunks: new WeakMap() };
    viewed.set(ctx.participants, memo);
  }
  if (memo.last?.transactions === ctx.transactions) return memo.last.view;
  const { txs } = memo;
  const view = ctx.transactions.map((t) => {
    let v = txs.get(t);
    if (v === undefined) {
      v = { state: t.state, votes: votesInNodeOrder(ctx.participants, t) };
      txs.set(t, v);
    }
    return v;
  }, memo.chunks);
  memo.last = { transactions: ctx.transactions, view };
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
  const was = before?.transactions as Keyed<{ state: string }> | undefined;
  // Only the transactions this change added or replaced can have been decided by it (kit: changedEntries).
  for (const [tx, t] of changedEntries(was, after.transactions as Keyed<{ state: string }>)) {
    if ((t.state === 'committed' || t.state === 'aborted') && (was && own(was, tx))?.state !== t.state) {
      out.push({ kind: 'decision', label: `${tx} ${t.state}` });
    }
  }
  return out;
}
