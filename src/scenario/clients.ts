import type { AnyProtocol } from '../engine/protocol';
import { quote } from '../engine/quote';
import type { Input, NodeId } from '../engine/types';
import { MAX_NODES, type ParsedFile } from './schema';

/**
 * The scenario's `clients` (spec/protocols.md §1.1, §1.5): ids `c1`..`cN` for a count, else the list, checked
 * against the servers and the protocol. Errors name the field: `clients[1]: "n2" is already a server id`.
 */
export function clientIdsOf(
  file: ParsedFile,
  servers: readonly NodeId[],
  protocol: AnyProtocol,
  errors: string[],
): NodeId[] {
  if (file.clients === undefined) return [];
  if (!protocol.clientMachine) {
    errors.push(`clients: ${protocol.id} has no client machine`);
    return [];
  }
  const ids =
    typeof file.clients === 'number' ? Array.from({ length: file.clients }, (_, i) => `c${i + 1}`) : file.clients;
  const isServer = new Set(servers);
  const before = errors.length;
  ids.forEach((id, i) => {
    const field = typeof file.clients === 'number' ? 'clients' : `clients[${i}]`;
    if (id === 'leader') errors.push(`${field}: "leader" is a selector, not a node id`);
    else if (isServer.has(id)) errors.push(`${field}: ${quote(id)} is already a server id`);
    else if (ids.indexOf(id) !== i) errors.push(`${field}: ${quote(id)} is listed twice`);
  });
  if (servers.length + ids.length > MAX_NODES) {
    errors.push(`clients: ${servers.length} servers and ${ids.length} clients make more than ${MAX_NODES} nodes`);
  }
  return errors.length > before ? [] : ids;
}

/**
 * §1.2, §1.5: a request's `client` must be a client and its `command` an operation of the protocol's grammar;
 * its `node` (with or without a client) names a server. Field names without the `events[i].` prefix.
 */
export function requestProblems(
  event: Input,
  protocol: AnyProtocol,
  servers: ReadonlySet<NodeId>,
  clients: ReadonlySet<NodeId>,
): string[] {
  if (event.type !== 'request') return [];
  const problems: string[] = [];
  if (event.node !== undefined && clients.has(event.node)) {
    problems.push(`node: ${quote(event.node)} is a client; request needs a server`);
  }
  if (event.client === undefined) return problems;
  // A name of no node at all: the reference check already said `unknown node`.
  if (servers.has(event.client)) problems.push(`client: ${quote(event.client)} is not a client`);
  if (event.client === 'leader') problems.push('client: "leader" never names a client');
  const ops = protocol.ops;
  if (ops && ops.parse(event.command) === null) {
    problems.push(`command: ${quote(event.command)} is not an operation of ${protocol.id} (${ops.usage})`);
  }
  return problems;
}

/** §1.5, §1.6, §1.7: the inputs that act on a server only; a client is no member and cannot turn Byzantine. */
const SERVER_ONLY: ReadonlySet<string> = new Set(['byzantine', 'join', 'leave']);

/**
 * §1.5: "`byzantine`, `join`, `leave`, `standby` may not [name clients]" (standby is checked with the file's
 * `standby`). Field names without the `events[i].` prefix: `node: "c1" is a client; byzantine needs a server`.
 */
export function serverOnlyProblems(event: Input, clients: ReadonlySet<NodeId>): string[] {
  if (!SERVER_ONLY.has(event.type)) return [];
  const node = (event as { readonly node?: unknown }).node;
  if (typeof node !== 'string' || !clients.has(node)) return [];
  return [`node: ${quote(node)} is a client; ${event.type} needs a server`];
}
