import { Network, type NetworkState } from '../engine/network';
import type { InFlight } from '../engine/simulation';
import type { NodeId } from '../engine/types';
import { type Frame, type FrameNode, type FrameTimer, worldOf } from './frame';
import type { MessageRecord } from './traceIndex';

/**
 * Pure selectors over a frame: what the components read. Each takes the frame (or a part of it) and
 * returns plain data, so a component's `useStore` slice compares by value and re-renders only on change.
 */

export function nodeOf(frame: Frame, id: NodeId): FrameNode | undefined {
  return frame.nodes.find((n) => n.id === id);
}

/** What each of the protocol's selectors (face.selectors) names now, in the face's order. */
export function selectedNodes(frame: Frame): readonly (readonly NodeId[])[] {
  const world = worldOf(frame);
  return frame.protocol.face.selectors.map((selector) => selector.select(world));
}

export function messageOf(frame: Frame, id: number): InFlight | undefined {
  return frame.messages.find((m) => m.id === id);
}

/** How many client requests the branch holds: the command generator's `n` for the next is one more. */
export function requestCount(frame: Frame): number {
  let n = 0;
  for (const input of frame.inputs) if (input.type === 'request') n++;
  return n;
}

/** The node's latest message records (sent, delivered, dropped) by now, newest first. */
export function recentFor(frame: Frame, node: NodeId, count: number): MessageRecord[] {
  return frame.index.recentFor(node, count, frame.trace.length);
}

/** The narration in force now. */
export function latestCaption(frame: Frame): string | null {
  return frame.index.latestCaption(frame.trace.length);
}

/** The send record of message `id`, if it has been sent by now. */
export function sendOf(frame: Frame, id: number) {
  return frame.index.send(id, frame.trace.length);
}

/** The timer whose ring drains on a node: the named one, or the earliest due. */
export function ringTimer(node: FrameNode, name: string | undefined): FrameTimer | undefined {
  let timer: FrameTimer | undefined;
  for (const t of node.timers) if (name === undefined ? !timer || t.atMs < timer.atMs : t.name === name) timer = t;
  return timer;
}

// ---- the network ------------------------------------------------------------------------------

/** The reading half of the engine's Network: its rules (who may hear whom) stay in one place. */
export type NetworkReader = Pick<Network, 'isCut' | 'groupOf' | 'linkModel' | 'canCarry' | 'isPartitioned'>;

const readers = new WeakMap<NetworkState, NetworkReader>();

/** The network of a frame, readable through the engine's own rules (built once per network state). */
export function networkOf(state: NetworkState): NetworkReader {
  let reader = readers.get(state);
  if (!reader) {
    reader = new Network(state);
    readers.set(state, reader);
  }
  return reader;
}

/** How a link is doing right now, as one comparable word, so the edge re-renders only when it changes. */
export type LinkStatus = 'open' | 'cut' | 'cut-ab' | 'cut-ba' | 'partitioned';

export function linkStatus(state: NetworkState, a: NodeId, b: NodeId): LinkStatus {
  const network = networkOf(state);
  const ab = network.isCut(a, b);
  const ba = network.isCut(b, a);
  if (ab && ba) return 'cut';
  if (ab) return 'cut-ab';
  if (ba) return 'cut-ba';
  return network.groupOf(a) === network.groupOf(b) ? 'open' : 'partitioned';
}

/** Whether a link carries its own model (set by a `link` input) rather than the network's default. */
export function hasLinkOverride(state: NetworkState, a: NodeId, b: NodeId): boolean {
  const network = networkOf(state);
  // Without an override, linkModel returns the network's default model object itself.
  return network.linkModel(a, b) !== network.linkModel(a, a);
}

/** Whether any link is cut either way between `a` and `b`. */
export function isEitherWayCut(state: NetworkState, a: NodeId, b: NodeId): boolean {
  const network = networkOf(state);
  return network.isCut(a, b) || network.isCut(b, a);
}

/** Whether the network is divided at all (a partition, or any cut among `ids`): healing would change it. */
export function isDivided(state: NetworkState, ids: readonly NodeId[]): boolean {
  const network = networkOf(state);
  return network.isPartitioned || ids.some((a) => ids.some((b) => network.isCut(a, b)));
}

/**
 * Which side each node is on once `groups` partition the network, numbered 0, 1, ... in the order the
 * sides first appear among `ids`: the engine's Network applies the partition (its rule for the nodes no
 * group lists), so the diagram and the canvas never restate it.
 */
export function partitionSides(
  groups: readonly (readonly NodeId[])[],
  ids: readonly NodeId[],
): { readonly sideOf: Readonly<Record<NodeId, number>>; readonly sideCount: number } {
  const network = Network.initial({ latencyMs: [0, 0], loss: 0, duplicate: 0 });
  network.partition(groups);
  const numbers = new Map<number, number>();
  // Listed groups keep their order; the engine's group of the unlisted rest (-1) comes after them.
  const order = [...new Set(ids.map((id) => network.groupOf(id)))].sort((a, b) => (a < 0 ? 1 : b < 0 ? -1 : a - b));
  for (const group of order) numbers.set(group, numbers.size);
  const sideOf: Record<NodeId, number> = {};
  for (const id of ids) sideOf[id] = numbers.get(network.groupOf(id)) as number;
  return { sideOf, sideCount: numbers.size };
}

/** The partition's sides, each a list of nodes in `ids` order; empty when not partitioned. */
export function sidesOf(state: NetworkState, ids: readonly NodeId[]): readonly (readonly NodeId[])[] {
  const network = networkOf(state);
  if (!network.isPartitioned) return [];
  const sides = new Map<number, NodeId[]>();
  for (const id of ids) {
    const group = network.groupOf(id);
    sides.set(group, [...(sides.get(group) ?? []), id]);
  }
  return [...sides.values()];
}

const everyNode = new WeakMap<object, readonly NodeId[]>();

/**
 * Every node a scenario runs: the servers, then the clients (spec/protocols.md §1.5). The same array for the
 * same scenario, so a store slice of it re-renders only when the scenario changes.
 */
export function nodeIdsOf(scenario: { readonly nodes: readonly NodeId[]; readonly clients?: readonly NodeId[] }) {
  if (!scenario.clients || scenario.clients.length === 0) return scenario.nodes;
  let ids = everyNode.get(scenario);
  if (!ids) {
    ids = [...scenario.nodes, ...scenario.clients];
    everyNode.set(scenario, ids);
  }
  return ids;
}
