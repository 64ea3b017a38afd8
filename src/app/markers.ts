import { kindNamed } from '../engine/inputs/table';
import type { AnyProtocol } from '../engine/protocol';
import { splitRecordedState } from '../engine/recordedState';
import type { NodeId, NodeView, TraceRecord, VirtualMs } from '../engine/types';

export type MarkerKind = 'fault' | 'violation' | 'milestone' | 'pause' | 'caption';

/** A point on the timeline worth jumping to. */
export interface Marker {
  readonly t: VirtualMs;
  readonly kind: MarkerKind;
  /** For milestones, the protocol's own kind (`leader`, `commit`, `decision`). */
  readonly detail: string;
  readonly label: string;
  /** The position of the record in the trace. */
  readonly index: number;
}

/**
 * The timeline's markers, derived from a trace incrementally: faults, violations, pause points,
 * captions and the protocol's milestones (a new leader, a commit, a decision). Pure derived data;
 * when the trace it read is cut back (a new branch), it starts over.
 */
export class MarkerIndex {
  private read = 0;
  private trace: readonly TraceRecord[] | null = null;
  private readonly views = new Map<NodeId, NodeView>();
  readonly markers: Marker[] = [];

  constructor(private readonly protocol: AnyProtocol) {}

  /** Reads `trace` up to `length` records. */
  update(trace: readonly TraceRecord[], length: number = trace.length): readonly Marker[] {
    if (trace !== this.trace || length < this.read) this.reset(trace);
    for (let i = this.read; i < length; i++) this.note(trace[i] as TraceRecord, i);
    this.read = Math.max(this.read, length);
    return this.markers;
  }

  private reset(trace: readonly TraceRecord[]): void {
    this.trace = trace;
    this.read = 0;
    this.views.clear();
    this.markers.length = 0;
  }

  private note(r: TraceRecord, index: number): void {
    switch (r.kind) {
      case 'fault':
        this.markers.push({ t: r.t, kind: 'fault', detail: r.type, label: faultLabel(r), index });
        return;
      case 'violation':
        this.markers.push({ t: r.t, kind: 'violation', detail: r.invariant, label: r.message, index });
        return;
      case 'pause':
        this.markers.push({ t: r.t, kind: 'pause', detail: 'pause', label: r.text || 'pause', index });
        return;
      case 'caption':
        this.markers.push({ t: r.t, kind: 'caption', detail: 'caption', label: r.text, index });
        return;
      case 'state': {
        const before = this.views.get(r.node);
        const { view, isUp } = splitRecordedState(r.state);
        this.views.set(r.node, view);
        // A node going down reaches no milestone; its view stays what it was, for the next comparison.
        if (!isUp) return;
        for (const m of this.protocol.milestones?.(r.node, before, view) ?? []) {
          this.markers.push({ t: r.t, kind: 'milestone', detail: m.kind, label: m.label, index });
        }
        return;
      }
      default:
        return;
    }
  }
}

/** The input kind's own words for its fault record (engine/inputs); its type when it has none. */
function faultLabel(r: Extract<TraceRecord, { kind: 'fault' }>): string {
  const look = kindNamed(r.type)?.fault;
  return look ? look.label(r as unknown as Parameters<typeof look.label>[0]) : r.type;
}
