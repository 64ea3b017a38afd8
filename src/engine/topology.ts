import type { AnyStateMachine } from 'xstate';
import type { NodeId, NodeView } from './basics';

/**
 * Node kinds and the links between nodes (issue 8, item 6). A protocol may run several kinds of node
 * (server, client, storage, balancer), each its own machine, and say which links exist and how the canvas
 * should lay the nodes out. By default every node is a `server` running the protocol's `machine`, in a
 * full mesh, drawn in a circle: protocols that declare nothing run exactly as before.
 */

/** One kind of node: its id (`server`, `client`), a word for people, and the machine it runs. */
export interface NodeKind {
  readonly id: string;
  readonly title: string;
  readonly machine: AnyStateMachine;
  /** Optional: what survives this kind's crash (a client keeps nothing); default the protocol's `persistent`. */
  persistent?(context: unknown, bug: string | null): unknown;
  /** Optional: this kind's view; default the protocol's `view`. */
  view?(context: unknown, stateValue: unknown): NodeView;
}

/** A directed link: `from` can send to `to`. */
export interface Link {
  readonly from: NodeId;
  readonly to: NodeId;
}

/** A node of a scenario with its kind and position, as a topology function sees it. */
export interface PlacedNode {
  readonly id: NodeId;
  readonly kind: string;
  readonly index: number;
}

/**
 * The links that exist. `full-mesh`: every node to every other. `ring`: each node and its two neighbours in
 * scenario order (the last next to the first). `star`: the first node and every other, both ways.
 * `client-to-entry`: nodes of kind `client` link to every node of another kind, and those form a full mesh;
 * clients never link to each other. A function gives the directed links of the node list itself.
 */
export type Topology =
  | 'full-mesh'
  | 'ring'
  | 'star'
  | 'client-to-entry'
  | ((nodes: readonly PlacedNode[]) => readonly Link[]);

/** How the canvas lays the nodes out (spec/protocols.md §1.8, `layout`). */
export type Layout = 'circle' | 'ring' | 'clients-servers' | 'pipeline' | 'grid';

/** Every layout, for a view's override (`?layout=grid`). */
export const LAYOUTS: readonly Layout[] = ['circle', 'ring', 'clients-servers', 'pipeline', 'grid'];

export const DEFAULT_KIND = 'server';

/** What a protocol declares about its nodes; every field optional (protocol.ts). */
export interface NodesDeclaration {
  readonly machine: AnyStateMachine;
  persistent(context: unknown, bug: string | null): unknown;
  view(context: unknown, stateValue: unknown): NodeView;
  readonly nodeKinds?: readonly NodeKind[];
  nodeKind?(node: NodeId, index: number, nodes: readonly NodeId[], config: unknown): string;
  readonly topology?: Topology;
  readonly layout?: Layout;
}

/** The kinds a protocol runs: its own list, or the one default kind running its machine. */
export function kindsOf(protocol: Pick<NodesDeclaration, 'machine' | 'nodeKinds'>): readonly NodeKind[] {
  return protocol.nodeKinds ?? [{ id: DEFAULT_KIND, title: 'Server', machine: protocol.machine }];
}

/** A node kind's view and persistence, its own where it declares them, else the protocol's. */
export function kindRules(protocol: NodesDeclaration, kind: string): Required<Pick<NodeKind, 'persistent' | 'view'>> {
  const own = protocol.nodeKinds?.find((k) => k.id === kind);
  return {
    persistent: own?.persistent ?? ((context, bug) => protocol.persistent(context, bug)),
    view: own?.view ?? ((context, value) => protocol.view(context, value)),
  };
}

/** The shape of a run's cluster: each node's kind, the links, the layout hint. Plain data, for the UI too. */
export interface ClusterShape {
  readonly nodes: readonly PlacedNode[];
  readonly links: readonly Link[];
  /** True when every node links to every other (sends need no check). */
  readonly isFullMesh: boolean;
  readonly layout: Layout;
}

/** Each node's kind, the links that exist and the layout, for a protocol and a scenario's node list. */
export function clusterShape(
  protocol: Omit<NodesDeclaration, 'persistent' | 'view'>,
  ids: readonly NodeId[],
  config?: unknown,
): ClusterShape {
  const kinds = kindsOf(protocol);
  const first = (kinds[0] as NodeKind).id;
  const nodes = ids.map((id, index) => {
    const kind = protocol.nodeKind ? protocol.nodeKind(id, index, ids, config) : first;
    if (!kinds.some((k) => k.id === kind)) {
      throw new Error(`node ${id} is of kind "${kind}", which the protocol does not declare`);
    }
    return { id, kind, index };
  });
  const topology = protocol.topology ?? 'full-mesh';
  const links = linksOf(topology, nodes);
  return { nodes, links, isFullMesh: topology === 'full-mesh', layout: protocol.layout ?? 'circle' };
}

function linksOf(topology: Topology, nodes: readonly PlacedNode[]): readonly Link[] {
  if (typeof topology === 'function') return topology(nodes);
  const both = (a: PlacedNode, b: PlacedNode): Link[] => [
    { from: a.id, to: b.id },
    { from: b.id, to: a.id },
  ];
  const mesh = (group: readonly PlacedNode[]) =>
    group.flatMap((a) => group.filter((b) => b !== a).map((b) => ({ from: a.id, to: b.id })));
  switch (topology) {
    case 'full-mesh':
      return mesh(nodes);
    case 'ring': {
      if (nodes.length < 2) return [];
      if (nodes.length === 2) return both(nodes[0] as PlacedNode, nodes[1] as PlacedNode);
      return nodes.flatMap((a, i) => both(a, nodes[(i + 1) % nodes.length] as PlacedNode));
    }
    case 'star': {
      const [hub, ...rest] = nodes;
      return hub ? rest.flatMap((n) => both(hub, n)) : [];
    }
    case 'client-to-entry': {
      const clients = nodes.filter((n) => n.kind === 'client');
      const others = nodes.filter((n) => n.kind !== 'client');
      return [...mesh(others), ...clients.flatMap((c) => others.flatMap((o) => both(c, o)))];
    }
    default:
      return topology satisfies never;
  }
}

/** A fast question of the shape: may `from` send to `to`? */
export function linkTest(shape: ClusterShape): (from: NodeId, to: NodeId) => boolean {
  // A node may always send to itself: that crosses no link.
  if (shape.isFullMesh) return () => true;
  const set = new Set(shape.links.map((l) => `${l.from}>${l.to}`));
  return (from, to) => from === to || set.has(`${from}>${to}`);
}
