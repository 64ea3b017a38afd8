import { inputKindNamed } from '../engine/inputs/table';
import type { AnyProtocol } from '../engine/protocol';
import { splitRecordedState } from '../engine/recordedState';
import type { NodeId, NodeView, TraceRecord, VirtualMs } from '../engine/types';

export type MarkerKind = 'fault' | 'violation' | 'milestone' | 'pause' | 'caption';

/** A point on the timeline worth jumping to. */
export interface Marker {
  readonly t: VirtualMs;
  readonly kind: MarkerKind;
  /** For milestones, the protocol's own kind (a `Milestone.kind`, named by its face). */
  readonly detail: string;
  readonly label: string;
  /** The position of the record in the trace. */
  readonly index: number;
}

/**
 * The timeline's markers of one trace record, appended to `out`: faults, violations, pause points,
 * captions and the protocol's milestones (a new leader, a commit, a decision). `views` holds each node's
 * last view seen, for the protocol to compare with. The trace index (traceIndex.ts) calls it in order.
 */
export function markersOf(
  r: TraceRecord,
  index: number,
  views: Map<NodeId, NodeView>,
  protocol: AnyProtocol,
  out: Marker[],
): void {
  switch (r.kind) {
    case 'fault':
      out.push({ t: r.t, kind: 'fault', detail: r.type, label: faultLabel(r), index });
      return;
    case 'violation':
      out.push({ t: r.t, kind: 'violation', detail: r.invariant, label: r.message, index });
      return;
    case 'pause':
      out.push({ t: r.t, kind: 'pause', detail: 'pause', label: r.text || 'pause', index });
      return;
    case 'caption':
      out.push({ t: r.t, kind: 'caption', detail: 'caption', label: r.text, index });
      return;
    case 'state': {
      const before = views.get(r.node);
      const { view, isUp } = splitRecordedState(r.state);
      views.set(r.node, view);
      // A node going down reaches no milestone; its view stays what it was, for the next comparison.
      if (!isUp) return;
      for (const m of protocol.milestones?.(r.node, before, view) ?? []) {
        out.push({ t: r.t, kind: 'milestone', detail: m.kind, label: m.label, index });
      }
      return;
    }
    default:
      return;
  }
}

/** The input kind's own words for its fault record (engine/inputs); its type when it has none. */
function faultLabel(r: Extract<TraceRecord, { kind: 'fault' }>): string {
  const look = inputKindNamed(r.type)?.fault;
  return look ? look.label(r as unknown as Parameters<typeof look.label>[0]) : r.type;
}
