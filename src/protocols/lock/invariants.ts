import { dict, own, withEntry } from '../../engine/kit';
import type { Finding, InvariantInfo, Monitor, World } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import type { AcceptedWrite, LockContext } from './types';

export const lockInvariants: readonly InvariantInfo[] = [
  {
    id: 'fenced-writes',
    title: 'Fenced writes',
    rule:
      'With fencing on (lease variant), the storage never accepts a write whose token is below a token it accepted ' +
      'earlier: a client that lost its lease cannot overwrite the next holder (Kleppmann 2016).',
  },
  {
    id: 'mutual-exclusion',
    title: 'Mutual exclusion',
    rule:
      'Under Redlock, no two clients are within the validity they computed at the same time, validity counted ' +
      'in real time from when each took the lock: the claim Redlock makes, which rests on bounded clock drift and pauses.',
  },
];

/** A client's hold, in real (virtual) time: from taking the lock until its validity ends or it lets go. */
interface Hold {
  readonly since: number;
  readonly until: number;
}

export interface LockHistory {
  /** The storage's writes list at the last check, to look only at what was appended. */
  readonly writes: readonly AcceptedWrite[] | null;
  readonly holds: Readonly<Record<NodeId, Hold>>;
  /** Each client's context at the last check (immutable, so identity tells a change). */
  readonly seen: Readonly<Record<NodeId, unknown>>;
}

export const lockMonitor: Monitor<LockHistory, LockContext> = {
  initial: () => ({ writes: null, holds: dict(), seen: dict() }),
  check(history, world, changed) {
    const node = world.nodes.find((n) => n.id === changed);
    if (!node) return { history, findings: [] };
    const ctx = node.context;
    if (ctx.role === 'storage') return fencedWrites(history, ctx);
    if (ctx.role === 'client') return mutualExclusion(history, world, changed, node.isUp);
    return { history, findings: [] };
  },
};

/** `fenced-writes`: each newly accepted write's token is at least every token accepted before it. */
function fencedWrites(history: LockHistory, ctx: Extract<LockContext, { role: 'storage' }>) {
  if (history.writes === ctx.writes) return { history, findings: [] };
  const findings: Finding[] = [];
  const from = history.writes === null ? 0 : Math.min(history.writes.length, ctx.writes.length);
  if (ctx.config.variant === 'lease' && ctx.config.fencing) {
    let max = 0;
    for (let i = 0; i < ctx.writes.length; i++) {
      const w = ctx.writes[i] as AcceptedWrite;
      if (i >= from && w.token !== null && w.token < max) {
        findings.push({
          invariant: 'fenced-writes',
          message: `the storage accepted ${w.client}'s write of ${w.value} with token ${w.token} after token ${max}`,
        });
      }
      max = Math.max(max, w.token ?? 0);
    }
  }
  return { history: { ...history, writes: ctx.writes }, findings };
}

/** `mutual-exclusion` (Redlock): a client taking the lock while another's validity has not run out. */
function mutualExclusion(history: LockHistory, world: World<LockContext>, id: NodeId, isUp: boolean) {
  const node = world.nodes.find((n) => n.id === id);
  const ctx = node?.context;
  if (ctx?.role !== 'client' || (own(history.seen, id) === ctx && isUp)) return { history, findings: [] };
  const now = world.nowMs;
  const before = own(history.seen, id) as typeof ctx | undefined;
  let holds = history.holds;
  const findings: Finding[] = [];
  const isHolding = isUp && ctx.holding && ctx.validUntil !== null && ctx.heldSince !== null;
  const isNewHold = isHolding && (!before?.holding || before.heldSince !== ctx.heldSince);
  if (isNewHold) {
    // A new hold: its validity, as the client computed it on its clock, counted in real time from now.
    const hold = { since: now, until: now + ((ctx.validUntil ?? 0) - (ctx.heldSince ?? 0)) };
    if (ctx.config.variant === 'redlock') {
      for (const [other, h] of Object.entries(holds)) {
        if (other === id || h.until <= now) continue;
        findings.push({
          invariant: 'mutual-exclusion',
          message: `${id} took the lock at ${now} ms while ${other} was within its validity (until ${h.until} ms)`,
        });
      }
    }
    holds = withEntry(holds, id, hold);
  } else if (!isHolding) {
    // Letting go (or crashing) ends the hold early.
    const mine = own(holds, id);
    if (mine !== undefined && mine.until > now) holds = withEntry(holds, id, { since: mine.since, until: now });
  }
  return { history: { ...history, holds, seen: withEntry(history.seen, id, ctx) }, findings };
}
