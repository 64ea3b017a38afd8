import type { ClusterShape, Layout, Link } from '../engine/topology';
import type { NodeId } from '../engine/types';

export interface XY {
  readonly x: number;
  readonly y: number;
}

/** The diameter of a node card on the canvas, in flow units; a node's position is its top-left corner. */
export const NODE_SIZE = 120;

/**
 * §1.8 `circle`: the servers on a circle, and the clients (nodes of kind `client`) in a row below it, centred,
 * so a client never sits in the ring of servers it talks to.
 */
function circleWithClients(shape: ClusterShape): Record<NodeId, XY> {
  const clients = shape.nodes.filter((n) => n.kind === 'client').map((n) => n.id);
  const servers = shape.nodes.filter((n) => n.kind !== 'client').map((n) => n.id);
  if (clients.length === 0 || servers.length === 0) return circleLayout(shape.nodes.map((n) => n.id));
  const out = circleLayout(servers);
  const bottom = Math.max(...Object.values(out).map((p) => p.y));
  const step = NODE_SIZE + 64;
  const left = -((clients.length - 1) * step) / 2 - NODE_SIZE / 2;
  clients.forEach((id, i) => {
    out[id] = { x: Math.round(left + i * step), y: bottom + step };
  });
  return out;
}

/** Nodes evenly on a circle, the first at the top, clockwise, with room between neighbours. */
export function circleLayout(ids: readonly NodeId[]): Record<NodeId, XY> {
  const n = ids.length;
  const radius = n <= 1 ? 0 : Math.max(170, (n * (NODE_SIZE + 64)) / (2 * Math.PI));
  const out: Record<NodeId, XY> = {};
  ids.forEach((id, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    out[id] = {
      x: Math.round(radius * Math.cos(angle) - NODE_SIZE / 2),
      y: Math.round(radius * Math.sin(angle) - NODE_SIZE / 2),
    };
  });
  return out;
}

export function centerOf(position: XY): XY {
  return { x: position.x + NODE_SIZE / 2, y: position.y + NODE_SIZE / 2 };
}

/** Nodes in rows of ceil(sqrt(n)), for big clusters (spec/protocols.md §1.8, `grid`). */
export function gridLayout(ids: readonly NodeId[]): Record<NodeId, XY> {
  const perRow = Math.max(1, Math.ceil(Math.sqrt(ids.length)));
  const step = NODE_SIZE + 64;
  const out: Record<NodeId, XY> = {};
  ids.forEach((id, i) => {
    out[id] = { x: (i % perRow) * step, y: Math.floor(i / perRow) * step };
  });
  return out;
}

/** One column per group, left to right, each centred on the others (clients left, servers right). */
function columnsLayout(columns: readonly (readonly NodeId[])[]): Record<NodeId, XY> {
  const step = NODE_SIZE + 64;
  const tallest = Math.max(1, ...columns.map((c) => c.length));
  const out: Record<NodeId, XY> = {};
  columns.forEach((column, x) => {
    const top = ((tallest - column.length) * step) / 2;
    column.forEach((id, y) => {
      out[id] = { x: x * (NODE_SIZE * 2 + 96), y: top + y * step };
    });
  });
  return out;
}

/**
 * Where the nodes go first, by the protocol's layout hint (topology.ts), or by a view's `override` of it
 * (`?layout=grid`): `circle` with the clients in a row below, `ring` on a circle in scenario order (a ring's
 * links then join neighbours), `grid` in rows, `clients-servers` with the clients
 * in a column on the left, `pipeline` in one column per kind in the order the kinds first appear.
 */
export function layoutFor(shape: ClusterShape, override: Layout | null = null): Record<NodeId, XY> {
  const ids = shape.nodes.map((n) => n.id);
  const layout = override ?? shape.layout;
  switch (layout) {
    case 'circle':
      return circleWithClients(shape);
    case 'ring':
      // The ring's order is the lesson: every server on it, in scenario order (its links join neighbours);
      // clients, which are on no ring, in a row below it as under `circle`.
      return circleWithClients(shape);
    case 'grid':
      return gridLayout(ids);
    case 'clients-servers': {
      const clients = shape.nodes.filter((n) => n.kind === 'client').map((n) => n.id);
      return columnsLayout([clients, ids.filter((id) => !clients.includes(id))].filter((c) => c.length > 0));
    }
    case 'pipeline': {
      const kinds = [...new Set(shape.nodes.map((n) => n.kind))];
      return columnsLayout(kinds.map((k) => shape.nodes.filter((n) => n.kind === k).map((n) => n.id)));
    }
    default:
      return layout satisfies never;
  }
}

/**
 * The links to draw: one line per pair of nodes with a link either way, pairs in scenario order. Under the `ring`
 * hint only the ring's edges are drawn (§1.8: each node and the next, the last and the first, as Chang & Roberts
 * 1979 send), even where the topology links more: the ring's order is what the picture must show.
 */
export function drawnLinks(shape: ClusterShape): readonly { readonly a: NodeId; readonly b: NodeId }[] {
  const linked = new Set(shape.links.map((l: Link) => `${l.from}~${l.to}`));
  const ids = shape.nodes.map((n) => n.id);
  // The ring joins the servers; a client's links (to the servers it talks to) are drawn as they are.
  const isClient = new Set(shape.nodes.filter((n) => n.kind === 'client').map((n) => n.id));
  const onRing = ids.filter((id) => !isClient.has(id));
  const n = onRing.length;
  const isRingEdge = (a: NodeId, b: NodeId) => {
    if (isClient.has(a) || isClient.has(b)) return true;
    const i = onRing.indexOf(a);
    const j = onRing.indexOf(b);
    return j - i === 1 || (i === 0 && j === n - 1);
  };
  const out: { a: NodeId; b: NodeId }[] = [];
  ids.forEach((a, i) => {
    ids.forEach((b, j) => {
      if (j <= i || (shape.layout === 'ring' && !isRingEdge(a, b))) return;
      if (linked.has(`${a}~${b}`) || linked.has(`${b}~${a}`)) out.push({ a, b });
    });
  });
  return out;
}
