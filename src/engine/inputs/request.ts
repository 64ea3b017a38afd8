import { z } from 'zod';
import type { NodeId } from '../basics';
import { nodeRef, time } from './fields';
import type { InputKind, InputsHost } from './kind';

export interface RequestInput {
  readonly at: number;
  readonly type: 'request';
  readonly command: string;
  readonly node?: string;
  /** §1.5: the client that issues the operation `command`; `node` then names the server it contacts first. */
  readonly client?: string;
}

/** A client request: to `node`, else to the protocol's entry point, or recorded as rejected when there is none. */
export const request: InputKind<RequestInput> = {
  type: 'request',
  schema: z.strictObject({
    at: time,
    type: z.literal('request'),
    command: z.string().max(200),
    node: nodeRef.optional(),
    client: nodeRef.optional(),
  }),
  refs: (input) => [
    ...(input.node === undefined ? [] : [{ field: 'node', ref: input.node }]),
    ...(input.client === undefined ? [] : [{ field: 'client', ref: input.client }]),
  ],
  apply(input, host) {
    if (input.client !== undefined) {
      requestOp(input, input.client, host);
      return;
    }
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
  describe: (input) => (input.client ? `${input.client} ${input.command}` : `request ${input.command}`),
  row: (input) => ({
    kind: 'request',
    target: `${input.client ? `${input.client}: ` : ''}${input.node ? `${input.command} to ${input.node}` : input.command}`,
    hasText: false,
  }),
};

/**
 * §1.5: a client's operation. A crashed client issues nothing (skipped); else the engine invokes it now or
 * queues it behind the client's open operations (clientOps.ts), and the trace says `invoke` when it starts.
 */
function requestOp(input: RequestInput, ref: string, host: InputsHost): void {
  const client = host.resolve(input, ref);
  if (client === null) return;
  if (!host.isClient(client)) {
    host.skip(input, `${client} is not a client`);
    return;
  }
  if (!host.isUp(client)) {
    host.skip(input, `${client} is crashed`);
    return;
  }
  let node: NodeId | undefined;
  if (input.node !== undefined) {
    const server = host.resolve(input, input.node);
    if (server === null) return;
    node = server;
  }
  host.requestOp(
    client,
    node === undefined ? { at: input.at, command: input.command } : { at: input.at, command: input.command, node },
  );
}
