import type { MessageLook, Milestone } from '../../engine/protocol';
import type { NodeView, Payload } from '../../engine/types';
import { ballotText } from './ballot';
import type { MultiPaxosContext, MultiPaxosMessage, MultiPaxosView } from './types';

/** The contract's `nodes[].state` (spec/protocols.md `multipaxos`). `ballot`: its own while it leads or scouts, else its promise. */
export function multiPaxosView(ctx: MultiPaxosContext): MultiPaxosView {
  return {
    role: ctx.role,
    ballot: ctx.role === 'follower' ? ctx.promised : ctx.ballot,
    leaderId: ctx.leaderId,
    slotIn: ctx.slotIn,
    slotOut: ctx.slotOut,
    decisions: ctx.decisions,
    accepted: ctx.accepted,
  };
}

export const isMultiPaxosView = (view: NodeView): view is MultiPaxosView =>
  'slotOut' in view && 'decisions' in view && 'accepted' in view;

export function describeMultiPaxosMessage(payload: Payload): MessageLook {
  const m = payload as MultiPaxosMessage;
  switch (m.type) {
    case 'P1a':
      return { label: `P1a ${ballotText(m.ballot)}`, isReply: false };
    case 'P1b': {
      const slots = Object.keys(m.accepted).length;
      return {
        label: `P1b ${ballotText(m.ballot)}${slots === 0 ? '' : ` +${slots} slot${slots === 1 ? '' : 's'}`}`,
        isReply: true,
      };
    }
    case 'P2a':
      return { label: `P2a ${ballotText(m.ballot)} s${m.slot} ${m.command}`, isReply: false };
    case 'P2b':
      return { label: `P2b ${ballotText(m.ballot)} s${m.slot}`, isReply: true };
    case 'Decision':
      return { label: `Decision s${m.slot} ${m.command}`, isReply: false };
    case 'Preempted':
      return { label: `Preempted ${ballotText(m.ballot)} < ${ballotText(m.promised)}`, isReply: true };
    case 'Heartbeat':
      return { label: `Heartbeat ${ballotText(m.ballot)}`, isReply: false };
    default:
      m satisfies never;
      return { label: 'message', isReply: false };
  }
}

/** The timeline's marks: a node starts leading (phase 1 done), a slot executed with a noop. */
export function multiPaxosMilestones(node: string, before: NodeView | undefined, after: NodeView): Milestone[] {
  const b = before as MultiPaxosView | undefined;
  const a = after as MultiPaxosView;
  const marks: Milestone[] = [];
  if (a.role === 'leader' && (b?.role !== 'leader' || ballotText(b.ballot) !== ballotText(a.ballot))) {
    marks.push({ kind: 'leads', label: `${node} leads with ballot ${ballotText(a.ballot)}` });
  }
  const from = b?.decisions.length ?? 0;
  for (let i = 0; i < a.decisions.length; i++) {
    const was = i < from ? (b?.decisions[i] ?? null) : null;
    if (was === null && a.decisions[i] === 'noop' && a.role === 'leader') {
      marks.push({ kind: 'noop', label: `slot ${i + 1} filled with noop` });
    }
  }
  return marks;
}
