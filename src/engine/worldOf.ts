import type { MutableNode } from './runtime';
import type { VirtualMs } from './types';
import type { NodeStatus, World } from './world';

/**
 * Each node's last status, reused while the node is as it was: the monitor asks for the world after every
 * change of a node, and most of its nodes did not change since the last time. Keyed by the node's runtime
 * object, which a restore replaces, so a status never outlives the state it describes.
 */
const statuses = new WeakMap<MutableNode, NodeStatus>();

/** The world at `nowMs`: each node's status, in the order of the run's nodes. */
export function worldOf(nowMs: VirtualMs, all: Iterable<MutableNode>, hasMembership: boolean): World {
  const nodes: NodeStatus[] = [];
  for (const n of all) {
    const known = statuses.get(n);
    if (known !== undefined && isCurrent(known, n, hasMembership)) {
      nodes.push(known);
      continue;
    }
    const status: NodeStatus = { id: n.id, kind: n.kind, isUp: n.isUp, context: n.snapshot.context, view: n.view };
    // §1.6, §1.7: the marks are there only where they apply (a plain literal on the hot path otherwise).
    const marked =
      n.byzantine === null && !hasMembership
        ? status
        : {
            ...status,
            ...(n.byzantine === null ? {} : { byzantine: n.byzantine }),
            ...(hasMembership ? { member: n.member } : {}),
          };
    statuses.set(n, marked);
    nodes.push(marked);
  }
  return { nowMs, nodes };
}

function isCurrent(s: NodeStatus, n: MutableNode, hasMembership: boolean): boolean {
  return (
    s.context === n.snapshot.context &&
    s.isUp === n.isUp &&
    s.view === n.view &&
    s.kind === n.kind &&
    (s.byzantine ?? null) === n.byzantine &&
    (hasMembership ? s.member === n.member : s.member === undefined)
  );
}
