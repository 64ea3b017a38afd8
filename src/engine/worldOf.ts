import type { MutableNode } from './runtime';
import type { VirtualMs } from './types';
import type { NodeStatus, World } from './world';

/** The world at `nowMs`: each node's status, in the order of the run's nodes. */
export function worldOf(nowMs: VirtualMs, all: Iterable<MutableNode>, hasMembership: boolean): World {
  const nodes: NodeStatus[] = [];
  for (const n of all) {
    const status: NodeStatus = { id: n.id, kind: n.kind, isUp: n.isUp, context: n.snapshot.context, view: n.view };
    // §1.6, §1.7: the marks are there only where they apply (a plain literal on the hot path otherwise).
    nodes.push(
      n.byzantine === null && !hasMembership
        ? status
        : {
            ...status,
            ...(n.byzantine === null ? {} : { byzantine: n.byzantine }),
            ...(hasMembership ? { member: n.member } : {}),
          },
    );
  }
  return { nowMs, nodes };
}
