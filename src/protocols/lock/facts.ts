import type { FactsInput } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';

/**
 * The fact `overlap` (spec/protocols.md, `lock`): for how long two clients were both between acquiring
 * and releasing, whatever their leases said: the time the lock failed to exclude, measured from the
 * trace's client views (`holding`) in real time. A crash ends a client's hold.
 */
export function overlapFact(run: FactsInput): { ms: number; clients: NodeId[] } {
  const since = new Map<NodeId, number>();
  const clients = new Set<NodeId>();
  let ms = 0;
  let last = 0;
  const advance = (t: number) => {
    if (since.size >= 2) {
      ms += t - last;
      for (const c of since.keys()) clients.add(c);
    }
    last = t;
  };
  for (const r of run.trace) {
    if (r.kind === 'state') {
      const holding = (r.state as { holding?: unknown }).holding;
      if (typeof holding !== 'boolean') continue;
      advance(r.t);
      if (holding && !since.has(r.node)) since.set(r.node, r.t);
      if (!holding) since.delete(r.node);
    } else if (r.kind === 'fault' && r.type === 'crash' && typeof r.node === 'string') {
      advance(r.t);
      since.delete(r.node);
    }
  }
  advance(run.endMs);
  return { ms, clients: [...clients].sort() };
}
