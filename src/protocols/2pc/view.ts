import { dict, own } from '../../engine/kit';
import type { MessageLook, Milestone } from '../../engine/protocol';
import type { NodeId, NodeView, Payload } from '../../engine/types';
import type { CoordinatorState, ParticipantState, TwoPcContext, TwoPcMessage, TxId, Vote } from './types';

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
 */
export function twoPcView(ctx: TwoPcContext): TwoPcView {
  switch (ctx.role) {
    case 'participant': {
      const transactions = dict<ParticipantTxView>();
      for (const [tx, t] of Object.entries(ctx.transactions)) transactions[tx] = { state: t.state, vote: t.vote };
      return { role: ctx.role, transactions };
    }
    case 'coordinator': {
      const transactions = dict<CoordinatorTxView>();
      for (const [tx, t] of Object.entries(ctx.transactions)) {
        const votes = dict<Vote>();
        for (const p of ctx.participants) {
          const vote = own(t.votes, p);
          if (vote !== undefined) votes[p] = vote;
        }
        transactions[tx] = { state: t.state, votes };
      }
      return { role: ctx.role, transactions };
    }
    default:
      return ctx satisfies never;
  }
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
