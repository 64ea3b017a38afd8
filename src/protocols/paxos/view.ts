import type { MessageLook, Milestone } from '../../engine/protocol';
import type { NodeView, Payload } from '../../engine/types';
import { ballotText } from './ballot';
import type { PaxosContext, PaxosMessage, PaxosView } from './types';

/** The contract's `nodes[].state` (spec/protocols.md `paxos`): acceptor, learner and proposer parts. */
export function paxosView(ctx: PaxosContext): PaxosView {
  const p = ctx.proposer;
  return {
    promised: ctx.promised,
    accepted: ctx.accepted,
    chosen: ctx.chosen,
    proposer:
      p === null
        ? null
        : {
            ballot: p.ballot,
            phase: p.phase,
            // In phase 2 and after, the value it sends (P2c's pick); before, the value it was asked to propose.
            value: p.proposing ?? p.own,
            promises: p.promises.map((h) => h.from),
            accepts: p.accepts,
          },
  };
}

export const isPaxosView = (view: NodeView): view is PaxosView => 'promised' in view && 'proposer' in view;

export function describePaxosMessage(payload: Payload): MessageLook {
  const m = payload as PaxosMessage;
  switch (m.type) {
    case 'Prepare':
      return { label: `Prepare ${ballotText(m.ballot)}`, isReply: false };
    case 'Promise':
      return {
        label: `Promise ${ballotText(m.ballot)}${m.accepted ? ` had ${m.accepted.value}@${ballotText(m.accepted.ballot)}` : ''}`,
        isReply: true,
      };
    case 'Accept':
      return { label: `Accept ${ballotText(m.ballot)} ${m.value}`, isReply: false };
    case 'Accepted':
      return { label: `Accepted ${ballotText(m.ballot)} ${m.value}`, isReply: true };
    case 'Nack':
      return { label: `Nack ${ballotText(m.ballot)} < ${ballotText(m.promised)}`, isReply: true };
    default:
      m satisfies never;
      return { label: 'message', isReply: false };
  }
}

/** The timeline's marks: a node learning the chosen value, a proposer reaching phase 2. */
export function paxosMilestones(_node: string, before: NodeView | undefined, after: NodeView): Milestone[] {
  const b = before as PaxosView | undefined;
  const a = after as PaxosView;
  const marks: Milestone[] = [];
  if (a.proposer?.phase === 'accept' && b?.proposer?.phase !== 'accept') {
    marks.push({ kind: 'phase2', label: `phase 2 at ${ballotText(a.proposer.ballot)} with ${a.proposer.value}` });
  }
  if (a.chosen !== null && (b?.chosen ?? null) === null) marks.push({ kind: 'learned', label: `learned ${a.chosen}` });
  return marks;
}
