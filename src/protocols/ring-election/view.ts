import type { MessageLook, Milestone } from '../../engine/protocol';
import type { NodeView, Payload } from '../../engine/types';
import type { RingContext, RingMessage, RingView } from './types';

/** The contract's `nodes[].state` (spec/protocols.md `ring-election`). */
export function ringView(ctx: RingContext): RingView {
  return { uid: ctx.uid, participant: ctx.participant, leader: ctx.leader, isLeader: ctx.isLeader };
}

export const isRingView = (view: NodeView): view is RingView =>
  typeof view.uid === 'number' && typeof view.participant === 'boolean';

/** A message carries its uid on the canvas: `Election 7`, `Elected 9`. */
export function describeRingMessage(payload: Payload): MessageLook {
  const m = payload as RingMessage;
  switch (m.type) {
    case 'Election':
      return { label: `Election ${m.uid}`, isReply: false };
    case 'Elected':
      return { label: `Elected ${m.uid}`, isReply: false };
    default:
      m satisfies never;
      return { label: 'message', isReply: false };
  }
}

/** The timeline's marks: a process whose own uid came home, and one told who won. */
export function ringMilestones(_node: string, before: NodeView | undefined, after: NodeView): Milestone[] {
  const b = before as RingView | undefined;
  const a = after as RingView;
  if (a.isLeader && b?.isLeader !== true) return [{ kind: 'elected', label: `uid ${a.uid} came home: leader` }];
  if (!a.isLeader && a.leader !== null && a.leader !== (b?.leader ?? null)) {
    return [{ kind: 'told', label: `told uid ${a.leader} leads` }];
  }
  return [];
}
