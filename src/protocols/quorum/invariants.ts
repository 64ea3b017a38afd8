import { entriesOf, own } from '../../engine/kit';
import type { Finding, InvariantInfo, Monitor, World } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import { preferenceOf } from './placement';
import { missedText, noStaleness, readInvoked, readReturned, type Staleness, writeAcked } from './staleness';
import type { ClientContext, QuorumConfig, QuorumContext, ServerContext, StoredObject } from './types';
import { isSame, objectText } from './versions';

export const quorumInvariants: readonly InvariantInfo[] = [
  {
    id: 'strict-quorum-read',
    title: 'A strict quorum read sees the last acknowledged write',
    rule:
      'With r + w > n and no sloppy quorum, every read quorum meets every write quorum (Dynamo §4.5): a read ' +
      'that starts after a write was acknowledged returns it, something newer, or siblings that include it or saw it.',
  },
  {
    id: 'convergence',
    title: 'Replicas converge',
    rule:
      'Once the network is whole and quiet, the up replicas of every key hold the same versions (Dynamo §4.7: ' +
      'anti-entropy keeps the replicas synchronized).',
    eventual: true,
    downOk: true,
  },
];

/** What the monitor remembers: the writes acknowledged, the reads in progress, and what each client last did. */
export interface QuorumHistory {
  readonly staleness: Staleness;
  /** Per client, the ops it had open and its last completed op when last seen. */
  readonly clients: Readonly<Record<NodeId, { readonly open: readonly number[]; readonly last: number | null }>>;
}

const isStrict = (c: QuorumConfig) => c.r + c.w > c.n && !c.sloppy;

export const quorumMonitor: Monitor<QuorumHistory, QuorumContext> = {
  initial: () => ({ staleness: noStaleness, clients: {} }),

  check(history, world, changed) {
    const node = world.nodes.find((n) => n.id === changed);
    if (!node?.isUp || node.context.kind !== 'client') return { history, findings: [] };
    const ctx: ClientContext = node.context;
    const seen = own(history.clients, changed) ?? { open: [], last: null };
    let staleness = history.staleness;
    const findings: Finding[] = [];
    for (const p of ctx.pending) {
      if (p.kind === 'read' && !seen.open.includes(p.op)) {
        staleness = readInvoked(staleness, changed, p.op, p.key, world.nowMs);
      }
    }
    const last = ctx.last;
    if (last !== null && last.op !== seen.last) {
      if (last.kind === 'write' && last.object !== null) {
        staleness = writeAcked(staleness, last.op, last.key, last.object, world.nowMs);
      } else if (last.kind === 'read') {
        const done = readReturned(staleness, changed, last.op, last.object);
        staleness = done.staleness;
        if (isStrict(ctx.config)) {
          for (const m of done.missed) {
            findings.push({
              invariant: 'strict-quorum-read',
              message: missedText(changed, last.op, last.key, last.object, m),
            });
          }
        }
      }
    }
    const clients = { ...history.clients, [changed]: { open: ctx.pending.map((p) => p.op), last: last?.op ?? null } };
    return { history: { staleness, clients }, findings };
  },

  settled(_history, world) {
    return convergenceFindings(world);
  },
};

/** For each key any up server holds, whether its up replicas (the first n of its preference list) agree. */
export function convergenceFindings(world: World<QuorumContext>): Finding[] {
  const servers = world.nodes.filter((n): n is typeof n & { context: ServerContext } => n.context.kind === 'server');
  const first = servers[0]?.context;
  if (first === undefined) return [];
  const keys = new Set<string>();
  for (const s of servers) if (s.isUp) for (const [key] of entriesOf(s.context.store)) keys.add(key);
  const findings: Finding[] = [];
  for (const key of [...keys].sort()) {
    const replicas = preferenceOf(first.ring, key, first.config.n)
      .map((id) => servers.find((s) => s.id === id))
      .filter((s) => s?.isUp === true);
    const held = replicas.map((s) => ({ id: s?.id ?? '', object: own(s?.context.store ?? {}, key) ?? null }));
    const base = held[0] as { id: string; object: StoredObject | null } | undefined;
    if (base === undefined || held.every((h) => isSame(h.object, base.object))) continue;
    findings.push({
      invariant: 'convergence',
      message: `${key}: ${held.map((h) => `${h.id} holds ${objectText(h.object)}`).join('; ')}`,
    });
  }
  return findings;
}
