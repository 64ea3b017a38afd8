import type { FactsInput } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import { quorumOps } from './ops';
import { noStaleness, readInvoked, readReturned, writeAcked } from './staleness';
import { isClientView, isServerView } from './view';

/**
 * The facts of a run (spec/protocols.md `quorum`), from the trace: `staleReads` counts the reads that missed
 * a write acknowledged before they began (the rule of `strict-quorum-read`, whatever r, w and sloppy were), and
 * `maxSiblings` is the most values any replica held for one key at once.
 */
export function quorumFacts(run: FactsInput): Record<string, Record<string, unknown>> {
  let staleness = noStaleness;
  const lastOp = new Map<NodeId, number>();
  const stale: number[] = [];
  let maxSiblings = 0;
  for (const r of run.trace) {
    if (r.kind === 'invoke') {
      const op = quorumOps.parse(r.command);
      if (op?.name === 'read') staleness = readInvoked(staleness, r.client, r.op, op.key, r.t);
    } else if (r.kind === 'state') {
      const view = r.state;
      if (isServerView(view)) {
        for (const k of Object.values(view.store))
          if ('values' in k) maxSiblings = Math.max(maxSiblings, k.values.length);
      } else if (isClientView(view) && view.last !== null && lastOp.get(r.node) !== view.last.op) {
        const last = view.last;
        lastOp.set(r.node, last.op);
        if (last.kind === 'write' && last.object !== null) {
          staleness = writeAcked(staleness, last.op, last.key, last.object, r.t);
        } else if (last.kind === 'read') {
          const done = readReturned(staleness, r.node, last.op, last.object);
          staleness = done.staleness;
          if (done.missed.length > 0) stale.push(last.op);
        }
      }
    }
  }
  return { staleReads: { count: stale.length, ops: stale }, maxSiblings: { count: maxSiblings } };
}
