import type { NodeId, TraceRecord, VirtualMs } from '../../engine/types';

/** A node down from a crash until its restart (or until now: `isOpen`). */
export interface CrashPeriod {
  readonly node: NodeId;
  readonly fromMs: VirtualMs;
  readonly toMs: VirtualMs;
  readonly isOpen: boolean;
}

/**
 * A partition in force from its fault until a heal or the next partition (or now). `sideOf` gives
 * each node its side, 0, 1, ...; the nodes the partition did not list share one more side, as in the
 * network.
 */
export interface PartitionPeriod {
  readonly fromMs: VirtualMs;
  readonly toMs: VirtualMs;
  readonly isOpen: boolean;
  readonly sideOf: Readonly<Record<NodeId, number>>;
  readonly sideCount: number;
}

/** A link cut or mended at an instant. */
export interface LinkMark {
  readonly atMs: VirtualMs;
  readonly kind: 'cut' | 'mend' | 'heal';
  readonly from: NodeId;
  readonly to: NodeId;
  readonly isOneWay: boolean;
}

export interface FaultPeriods {
  readonly crashes: readonly CrashPeriod[];
  readonly partitions: readonly PartitionPeriod[];
  readonly linkMarks: readonly LinkMark[];
}

/**
 * Crash and partition periods and link marks from the fault records that have happened, in order.
 * Fault records are few (they are the user's and the scenario's inputs), so this walks all of them.
 * A heal ends the partition and mends every cut link: each link still cut gets a `heal` mark.
 */
export function faultPeriods(
  faults: readonly TraceRecord[],
  nodeIds: readonly NodeId[],
  nowMs: VirtualMs,
): FaultPeriods {
  const crashes: CrashPeriod[] = [];
  const partitions: PartitionPeriod[] = [];
  const linkMarks: LinkMark[] = [];
  const downSince = new Map<NodeId, VirtualMs>();
  let open: Omit<PartitionPeriod, 'toMs' | 'isOpen'> | null = null;
  const cut = new Map<string, { from: NodeId; to: NodeId; isOneWay: boolean }>();

  const closePartition = (atMs: VirtualMs) => {
    if (open) partitions.push({ ...open, toMs: atMs, isOpen: false });
    open = null;
  };

  for (const record of faults) {
    if (record.kind !== 'fault') continue;
    const t = record.t;
    switch (record.type) {
      case 'crash':
        downSince.set(String(record.node), t);
        break;
      case 'restart': {
        const node = String(record.node);
        const since = downSince.get(node);
        if (since !== undefined) crashes.push({ node, fromMs: since, toMs: t, isOpen: false });
        downSince.delete(node);
        break;
      }
      case 'partition': {
        closePartition(t);
        const groups = (record.groups ?? []) as readonly (readonly NodeId[])[];
        const sideOf: Record<NodeId, number> = {};
        groups.forEach((group, side) => {
          for (const node of group) sideOf[node] = side;
        });
        const hasRest = nodeIds.some((n) => sideOf[n] === undefined);
        for (const node of nodeIds) sideOf[node] ??= groups.length;
        open = { fromMs: t, sideOf, sideCount: groups.length + (hasRest ? 1 : 0) };
        break;
      }
      case 'heal':
        closePartition(t);
        for (const link of cut.values()) linkMarks.push({ atMs: t, kind: 'heal', ...link });
        cut.clear();
        break;
      case 'cut':
      case 'mend': {
        const from = String(record.from);
        const to = String(record.to);
        const isOneWay = record.oneWay === true;
        linkMarks.push({ atMs: t, kind: record.type, from, to, isOneWay });
        const key = isOneWay ? `${from}>${to}` : [from, to].sort().join('=');
        if (record.type === 'cut') cut.set(key, { from, to, isOneWay });
        else cut.delete(key);
        break;
      }
      default:
        break;
    }
  }
  for (const [node, since] of downSince) crashes.push({ node, fromMs: since, toMs: nowMs, isOpen: true });
  const last = open as Omit<PartitionPeriod, 'toMs' | 'isOpen'> | null;
  if (last) partitions.push({ ...last, toMs: nowMs, isOpen: true });
  return { crashes, partitions, linkMarks };
}
