import type { AnyProtocol } from './protocol';
import { kindsOf, type NodeKind, type NodesDeclaration } from './topology';
import type { NodeId } from './types';

/** The kind of a client node (spec/protocols.md §1.5): it runs the protocol's `clientMachine`. */
export const CLIENT_KIND = 'client';

/**
 * The nodes a run declares once it has clients (§1.5): the protocol's own kinds for the servers, plus the
 * `client` kind running `clientMachine`, which persists nothing (a client keeps nothing across a crash) and
 * shows the protocol's `view` of its context. Without clients the protocol's declaration is used as it is,
 * so a run without clients is exactly the run it was.
 */
export function withClients(
  protocol: AnyProtocol,
  servers: readonly NodeId[],
  clients: readonly NodeId[],
): NodesDeclaration {
  if (clients.length === 0 || !protocol.clientMachine) return protocol;
  const own = protocol.nodeKinds?.find((k) => k.id === CLIENT_KIND);
  const client: NodeKind = {
    id: CLIENT_KIND,
    title: own?.title ?? 'Client',
    machine: protocol.clientMachine,
    persistent: () => undefined,
    view: own?.view ?? ((context, value) => protocol.view(context, value)),
  };
  const kinds = [...kindsOf(protocol).filter((k) => k.id !== CLIENT_KIND), client];
  const first = (kinds[0] as NodeKind).id;
  const isClient = new Set(clients);
  return {
    machine: protocol.machine,
    persistent: (context, bug) => protocol.persistent(context, bug),
    view: (context, value) => protocol.view(context, value),
    nodeKinds: kinds,
    // Servers come first, so a server's index among all nodes is its index among the servers.
    nodeKind: (id, index, _nodes, config) =>
      isClient.has(id) ? CLIENT_KIND : protocol.nodeKind ? protocol.nodeKind(id, index, servers, config) : first,
    ...(protocol.topology === undefined ? {} : { topology: protocol.topology }),
    ...(protocol.layout === undefined ? {} : { layout: protocol.layout }),
  };
}
