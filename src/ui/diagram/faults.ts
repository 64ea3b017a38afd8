import { partitionSides } from '../../app/selectors';
import { inputKindNamed } from '../../engine/inputs/table';
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
 * each node its side, 0, 1, ..., as the engine's network splits it (app/selectors.ts, partitionSides).
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
    // What the fault changes in the picture, in the input kind's own terms (engine/inputs): no switch over kinds.
    const look = inputKindNamed(record.type)?.fault;
    const effect = look?.effect?.(record as unknown as Parameters<NonNullable<typeof look.effect>>[0]);
    if (!effect) continue;
    switch (effect.kind) {
      case 'down':
        downSince.set(effect.node, t);
        break;
      case 'up': {
        const since = downSince.get(effect.node);
        if (since !== undefined) crashes.push({ node: effect.node, fromMs: since, toMs: t, isOpen: false });
        downSince.delete(effect.node);
        break;
      }
      case 'partition': {
        closePartition(t);
        open = { fromMs: t, ...partitionSides(effect.groups, nodeIds) };
        break;
      }
      case 'heal':
        closePartition(t);
        for (const link of cut.values()) linkMarks.push({ atMs: t, kind: 'heal', ...link });
        cut.clear();
        break;
      case 'cut':
      case 'mend': {
        const { from, to, isOneWay } = effect;
        linkMarks.push({ atMs: t, kind: effect.kind, from, to, isOneWay });
        const key = isOneWay ? `${from}>${to}` : [from, to].sort().join('=');
        if (effect.kind === 'cut') cut.set(key, { from, to, isOneWay });
        else cut.delete(key);
        break;
      }
      default:
        effect satisfies never;
    }
  }
  for (const [node, since] of downSince) crashes.push({ node, fromMs: since, toMs: nowMs, isOpen: true });
  const last = open as Omit<PartitionPeriod, 'toMs' | 'isOpen'> | null;
  if (last) partitions.push({ ...last, toMs: nowMs, isOpen: true });
  return { crashes, partitions, linkMarks };
}
