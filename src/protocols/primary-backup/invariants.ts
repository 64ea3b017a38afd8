import type { Finding, InvariantInfo, Monitor, NodeStatus, World } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import { lostWords } from './lost';
import type { LogEntry, PbContext, ServerContext } from './types';

export const pbInvariants: readonly InvariantInfo[] = [
  {
    id: 'no-acked-write-lost',
    title: 'No acknowledged write lost',
    rule:
      'Every write a primary acknowledged is in the log of every later primary (one of a higher epoch). A hard ' +
      'invariant in sync mode; in async and semi-sync mode failover may lose such writes, and the run reports ' +
      'them as the fact ackedWritesLost instead (DDIA ch. 5).',
  },
  {
    id: 'backup-prefix',
    title: 'Backups hold a prefix',
    rule:
      "Within an epoch, the log of a backup that holds a copy of its primary's log is a prefix of that " +
      "primary's log: a backup never has a write its primary lacks, nor a different one in its place.",
  },
];

interface Acked {
  readonly entry: LogEntry;
  readonly by: NodeId;
  readonly epoch: number;
}

export interface PbHistory {
  /** Every write a primary acknowledged, by op (sync mode only). */
  readonly acked: Readonly<Record<number, Acked>>;
  /** Ops already reported lost, so each is reported once. */
  readonly lost: readonly number[];
  /** Each server's context at the last check (immutable: identity tells a change). */
  readonly seen: Readonly<Record<NodeId, ServerContext>>;
}

type Server = NodeStatus<PbContext> & { readonly context: ServerContext };
const serversOf = (world: World<PbContext>): Server[] =>
  world.nodes.filter((n): n is Server => n.context.kind === 'server');

export const pbMonitor: Monitor<PbHistory, PbContext> = {
  initial: () => ({ acked: {}, lost: [], seen: {} }),
  check(history, world, changed) {
    const node = world.nodes.find((n) => n.id === changed);
    if (node?.context.kind !== 'server') return { history, findings: [] };
    const servers = serversOf(world);
    const findings = backupPrefix(servers, changed);
    if (node.context.config.mode !== 'sync') return { history, findings };
    const next = noAckedWriteLost(history, servers, node as Server);
    return { history: next.history, findings: [...findings, ...next.findings] };
  },
};

/** `backup-prefix`, for the pairs the changed server is part of. */
function backupPrefix(servers: readonly Server[], changed: NodeId): Finding[] {
  const findings: Finding[] = [];
  for (const b of servers) {
    const c = b.context;
    if (!b.isUp || c.role !== 'backup' || c.primaryId === null) continue;
    if (c.syncedWith?.epoch !== c.epoch || c.syncedWith.primary !== c.primaryId) continue;
    const p = servers.find((s) => s.id === c.primaryId);
    if (!p?.isUp || p.context.role !== 'primary' || p.context.epoch !== c.epoch) continue;
    if (b.id !== changed && p.id !== changed) continue;
    const at = firstDifference(c.log, p.context.log);
    if (at !== null) {
      findings.push({
        invariant: 'backup-prefix',
        message: `in epoch ${c.epoch}, backup ${b.id}'s log is not a prefix of primary ${p.id}'s: they differ at index ${at}`,
      });
    }
  }
  return findings;
}

/** The first index (1-based) where `log` is not a prefix of `of`, or null. */
function firstDifference(log: readonly LogEntry[], of: readonly LogEntry[]): number | null {
  for (let i = 0; i < log.length; i++) {
    const a = log[i] as LogEntry;
    const b = of[i];
    if (b === undefined || a.op !== b.op || a.epoch !== b.epoch) return i + 1;
  }
  return null;
}

/**
 * `no-acked-write-lost` (sync mode): record what the changed primary newly acknowledged, then look at every up
 * primary of a later epoch for each acknowledged write it lacks.
 */
function noAckedWriteLost(history: PbHistory, servers: readonly Server[], node: Server) {
  const c = node.context;
  const before = history.seen[node.id];
  if (before === c && node.isUp) return { history, findings: [] };
  let acked = history.acked;
  if (node.isUp && c.role === 'primary') {
    const from = before?.role === 'primary' && before.epoch === c.epoch ? before.ackedIndex : 0;
    for (let k = from; k < c.ackedIndex; k++) {
      const entry = c.log[k];
      if (entry && acked[entry.op] === undefined) {
        acked = { ...acked, [entry.op]: { entry, by: node.id, epoch: c.epoch } };
      }
    }
  }
  const findings: Finding[] = [];
  const lost = [...history.lost];
  for (const p of servers) {
    if (!p.isUp || p.context.role !== 'primary') continue;
    const epoch = p.context.epoch;
    let ops: Set<number> | null = null;
    for (const a of Object.values(acked)) {
      if (a.epoch >= epoch || lost.includes(a.entry.op)) continue;
      ops ??= new Set(p.context.log.map((e) => e.op));
      if (ops.has(a.entry.op)) continue;
      lost.push(a.entry.op);
      const { op, client, command } = a.entry;
      findings.push({
        invariant: 'no-acked-write-lost',
        message: lostWords({
          op,
          client,
          command,
          ackedBy: a.by,
          epoch: a.epoch,
          missingAt: p.id,
          missingEpoch: epoch,
          at: 0,
        }),
      });
    }
  }
  return { history: { acked, lost, seen: { ...history.seen, [node.id]: c } }, findings };
}
