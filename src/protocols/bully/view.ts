import type { MessageLook, Milestone } from '../../engine/protocol';
import type { NodeView, Payload } from '../../engine/types';
import type { BullyContext, BullyMessage, BullyView } from './types';

/** The contract's `nodes[].state` (spec/protocols.md `bully`): the role and the coordinator it names. */
export function bullyView(ctx: BullyContext): BullyView {
  return { role: ctx.role, coordinator: ctx.coordinator };
}

export const isBullyView = (view: NodeView): view is BullyView => 'role' in view && 'coordinator' in view;

export function describeBullyMessage(payload: Payload): MessageLook {
  const m = payload as BullyMessage;
  switch (m.type) {
    case 'Election':
      return { label: 'Election', isReply: false };
    case 'Answer':
      return { label: 'Answer', isReply: true };
    case 'Coordinator':
      return { label: 'Coordinator', isReply: false };
    case 'Heartbeat':
      return { label: 'Heartbeat', isReply: false };
    default:
      m satisfies never;
      return { label: 'message', isReply: false };
  }
}

/** The timeline's marks: a node taking the office, and a node starting an election. */
export function bullyMilestones(_node: string, before: NodeView | undefined, after: NodeView): Milestone[] {
  const b = before as BullyView | undefined;
  const a = after as BullyView;
  const marks: Milestone[] = [];
  if (a.role === 'coordinator' && b?.role !== 'coordinator') marks.push({ kind: 'won', label: 'became coordinator' });
  if (a.role === 'electing' && b?.role !== 'electing' && b?.role !== 'waiting') {
    marks.push({ kind: 'election', label: 'started an election' });
  }
  return marks;
}
