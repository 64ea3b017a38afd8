import { z } from 'zod';
import type { NodeId } from '../basics';
import { nodeRef, time } from './fields';
import type { InputKind } from './kind';

export interface RequestInput {
  readonly at: number;
  readonly type: 'request';
  readonly command: string;
  readonly node?: string;
}

/** A client request: to `node`, else to the protocol's entry point, or recorded as rejected when there is none. */
export const request: InputKind<RequestInput> = {
  type: 'request',
  schema: z.strictObject({
    at: time,
    type: z.literal('request'),
    command: z.string().max(200),
    node: nodeRef.optional(),
  }),
  refs: (input) => (input.node === undefined ? [] : [{ field: 'node', ref: input.node }]),
  apply(input, host) {
    let node: NodeId | null;
    if (input.node === undefined) {
      node = host.entryPoint();
    } else {
      node = host.resolve(input, input.node);
      if (node === null) return;
    }
    if (node !== null && !host.isUp(node)) {
      host.skip(input, `${node} is crashed`);
      return;
    }
    host.record({ t: host.nowMs, kind: 'request', node, command: input.command });
    if (node !== null) host.deliverTo(node, { type: 'request', command: input.command });
  },
  describe: (input) => `request ${input.command}`,
  row: (input) => ({
    kind: 'request',
    target: input.node ? `${input.command} to ${input.node}` : input.command,
    hasText: false,
  }),
};
