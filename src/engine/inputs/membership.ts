import { z } from 'zod';
import { nodeRef, time } from './fields';
import { type Declarations, FAULT_GLYPH, type InputKind, type InputsHost } from './kind';

export interface JoinInput {
  readonly at: number;
  readonly type: 'join';
  readonly node: string;
}

export interface LeaveInput {
  readonly at: number;
  readonly type: 'leave';
  readonly node: string;
}

type Change = JoinInput | LeaveInput;

/**
 * spec/protocols.md §1.7: a `join` of a non-member or a `leave` of a member marks the server, writes `fault`,
 * and hands `{ type, node }` to the node the protocol's `membershipEntry` names (a coordinating server, or
 * the node itself). Skipped with the reason when there is no such node (`no leader`), it is crashed, or the server
 * already is (is not) a member.
 */
function applyChange(input: Change, host: InputsHost): void {
  const node = host.resolve(input, input.node);
  if (node === null) return;
  if (!host.protocol.membership) {
    host.skip(input, `${host.protocol.id} has no membership`);
    return;
  }
  const joining = input.type === 'join';
  if (host.isMember(node) === joining) {
    host.skip(input, joining ? `${node} is already a member` : `${node} is not a member`);
    return;
  }
  const entry = host.membershipEntry(input.type, node);
  if (entry === null) {
    host.skip(input, 'no leader');
    return;
  }
  if (!host.isUp(entry)) {
    host.skip(input, `${entry} is crashed`);
    return;
  }
  host.record({ t: host.nowMs, kind: 'fault', type: input.type, node });
  host.setMember(node, joining);
  host.deliverTo(entry, { type: input.type, node });
}

const unsupported = (input: Change, protocol: Declarations) =>
  protocol.membership ? [] : [`type: "${input.type}" needs a protocol with membership (${protocol.id} has none)`];

export const join: InputKind<JoinInput> = {
  type: 'join',
  schema: z.strictObject({ at: time, type: z.literal('join'), node: nodeRef }),
  refs: (input) => [{ field: 'node', ref: input.node }],
  unsupported,
  apply: applyChange,
  describe: (input) => `${input.node} joins`,
  row: (input) => ({ kind: 'join', target: input.node, hasText: false }),
  fault: { label: (fault) => `${fault.node} joins the cluster`, glyph: FAULT_GLYPH },
};

export const leave: InputKind<LeaveInput> = {
  type: 'leave',
  schema: z.strictObject({ at: time, type: z.literal('leave'), node: nodeRef }),
  refs: (input) => [{ field: 'node', ref: input.node }],
  unsupported,
  apply: applyChange,
  describe: (input) => `${input.node} leaves`,
  row: (input) => ({ kind: 'leave', target: input.node, hasText: false }),
  fault: { label: (fault) => `${fault.node} leaves the cluster`, glyph: FAULT_GLYPH },
};
