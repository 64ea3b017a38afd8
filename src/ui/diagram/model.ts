import type { ClockMode, EventClock } from '../../app/clocks';
import { traceIndexOf } from '../../app/traceIndex';
import type { MessageLook } from '../../engine/protocol';
import type { DropReason, NodeId, Payload, TraceRecord, VirtualMs } from '../../engine/types';
import { type FaultPeriods, faultPeriods } from './faults';

export type Fate = 'delivered' | 'dropped' | 'inFlight';

/** One message as the diagram knows it: when it left, and when and how its trip ended (or now). */
export interface MessageSpan {
  readonly id: number;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly label: string;
  readonly isReply: boolean;
  readonly isDuplicate: boolean;
  readonly sentAtMs: VirtualMs;
  /** Delivery or drop time; `now` for a message still in flight. */
  readonly endAtMs: VirtualMs;
  /** When it was due: its arrival, or for a message the network loses, when it vanishes. */
  readonly dueAtMs: VirtualMs;
  /** The network lost it on the way (it vanishes half way, as on the canvas). */
  readonly isLost: boolean;
  readonly fate: Fate;
  readonly reason?: DropReason;
  readonly sendClock?: EventClock;
  readonly deliverClock?: EventClock;
}

export interface DiagramModel extends FaultPeriods {
  readonly startMs: VirtualMs;
  readonly endMs: VirtualMs;
  readonly nowMs: VirtualMs;
  readonly nodeIds: readonly NodeId[];
  /** Every message whose trip overlaps the window, in the order they were sent. */
  readonly messages: readonly MessageSpan[];
}

export interface ModelInput {
  readonly trace: readonly TraceRecord[];
  /** How many records of `trace` have happened by now; the rest (a rewound run's future) is ignored. */
  readonly traceLength: number;
  readonly nowMs: VirtualMs;
  readonly nodeIds: readonly NodeId[];
  readonly startMs: VirtualMs;
  readonly endMs: VirtualMs;
  readonly describeMessage: (message: Payload) => MessageLook;
  readonly clocks?: ClockMode;
}

/**
 * What falls in a window of time, in virtual time (no pixels): the messages whose trip overlaps it
 * and the crash and partition periods. It reads only the records from the window's start less the
 * longest flight up to its end (binary search), so its cost follows the window, not the run.
 */
export function buildModel(input: ModelInput): DiagramModel {
  const { trace, nowMs, nodeIds, startMs, endMs } = input;
  const length = Math.min(input.traceLength, trace.length);
  const index = traceIndexOf(trace);
  const from = index.firstAtOrAfter(startMs - index.longestFlightMs, length);
  const to = index.firstAfter(endMs, length);
  const withClocks = input.clocks !== undefined && input.clocks !== 'none';
  const messages: MessageSpan[] = [];
  for (let i = from; i < to; i++) {
    const record = trace[i] as TraceRecord;
    if (record.kind !== 'send') continue;
    const endPosition = index.endOf(record.id, length);
    const end = endPosition === undefined ? undefined : (trace[endPosition] as TraceRecord);
    const endAtMs = end ? end.t : Math.max(record.t, nowMs);
    if (endAtMs < startMs) continue;
    const look = lookOf(record.message, input.describeMessage);
    const span: MessageSpan = {
      id: record.id,
      from: record.from,
      to: record.to,
      label: look.label,
      isReply: look.isReply,
      isDuplicate: record.duplicateOf !== undefined,
      sentAtMs: record.t,
      endAtMs,
      dueAtMs: record.deliverAt ?? record.lostAt ?? record.t,
      isLost: record.lostAt !== undefined,
      fate: !end ? 'inFlight' : end.kind === 'deliver' ? 'delivered' : 'dropped',
      ...(end?.kind === 'drop' ? { reason: end.reason } : {}),
      ...(withClocks ? clocksOf(i, endPosition, end, nodeIds) : {}),
    };
    messages.push(span);
  }
  const periods = faultPeriods(
    index.faultsBefore(length).map((i) => trace[i] as TraceRecord),
    nodeIds,
    nowMs,
  );
  return {
    startMs,
    endMs,
    nowMs,
    nodeIds,
    messages,
    crashes: periods.crashes.filter((p) => p.toMs >= startMs && p.fromMs <= endMs),
    partitions: periods.partitions.filter((p) => p.toMs >= startMs && p.fromMs <= endMs),
    linkMarks: periods.linkMarks.filter((m) => m.atMs >= startMs && m.atMs <= endMs),
  };

  function clocksOf(
    sendPosition: number,
    endPosition: number | undefined,
    end: TraceRecord | undefined,
    ids: readonly NodeId[],
  ): { sendClock?: EventClock; deliverClock?: EventClock } {
    const sendClock = index.clockAt(sendPosition, ids);
    const deliverClock =
      end?.kind === 'deliver' && endPosition !== undefined ? index.clockAt(endPosition, ids) : undefined;
    return { ...(sendClock ? { sendClock } : {}), ...(deliverClock ? { deliverClock } : {}) };
  }
}

const looks = new WeakMap<(message: Payload) => MessageLook, WeakMap<Payload, MessageLook>>();

/** The protocol's look of a payload, asked once per payload object. */
function lookOf(message: Payload, describeMessage: (message: Payload) => MessageLook): MessageLook {
  let cache = looks.get(describeMessage);
  if (!cache) {
    cache = new WeakMap();
    looks.set(describeMessage, cache);
  }
  let look = cache.get(message);
  if (!look) {
    look = describeMessage(message);
    cache.set(message, look);
  }
  return look;
}
