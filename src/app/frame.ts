import { type ClockState, TRUE_CLOCK } from '../engine/clock';
import type { NetworkState } from '../engine/network';
import type { AnyProtocol, NodeStatus, World } from '../engine/protocol';
import type { InFlight, PendingTimer, Simulation } from '../engine/simulation';
import type { ClusterShape } from '../engine/topology';
import type { Input, NodeId, TraceRecord, Violation, VirtualMs } from '../engine/types';
import { type TraceIndex, traceIndexOf } from './traceIndex';

/** A pending timer as the canvas draws it (a ring that drains). */
export type FrameTimer = Pick<PendingTimer, 'name' | 'startedAtMs' | 'atMs'>;

/** One node at an instant: the protocol's view and context, and its liveness beside them (never in the view). */
export interface FrameNode extends NodeStatus {
  readonly timers: readonly FrameTimer[];
  /** §1.5: on a client, the commands of its operations in flight (invoked, not completed), oldest first. */
  readonly ops?: readonly string[];
  /** Its local clock (spec/protocols.md §1.4; engine/clock.ts): read it with `localTime(clock, nowMs)`. */
  readonly clock: ClockState;
  /** While it is in a process pause (§1.3): when the pause ends. */
  readonly stalledUntil?: VirtualMs;
}

/**
 * The run at one instant as a plain, immutable value: what every component reads, through the pure
 * selectors of selectors.ts. The store builds a new frame whenever the engine moved and shares every
 * part that did not change (a node whose view, liveness and timers stayed, the network between faults,
 * the inputs), so a component that selects a part re-renders only when that part changed.
 */
export interface Frame {
  /** The protocol running (its id, its face, its invariants, its look of a message). */
  readonly protocol: AnyProtocol;
  /** The engine's clock: every event at or before it has happened. */
  readonly nowMs: VirtualMs;
  /** Every node, in scenario order. */
  readonly nodes: readonly FrameNode[];
  /** The cluster's shape: each node's kind, the links that exist, the layout hint (fixed for a run). */
  readonly shape: ClusterShape;
  /** The messages on the wire, in the order they were sent. */
  readonly messages: readonly InFlight[];
  /** The network's partition, cuts and link models (engine/network.ts's own state, as data). */
  readonly network: NetworkState;
  readonly violations: readonly Violation[];
  /** Every input of the current branch (the scenario's and the user's), in the order they apply. */
  readonly inputs: readonly Input[];
  /** What has happened: the first `length` records of `records` (those never change; past them is a rewound run's known future). */
  readonly trace: { readonly records: readonly TraceRecord[]; readonly length: number; readonly hash: string };
  /** The one index over the trace (timeline, diagram, panels); queries take `trace.length`. */
  readonly index: TraceIndex;
  /** Events processed so far on this branch. */
  readonly steps: number;
  /** When the next pending event is due, if any. */
  readonly nextEventAtMs: VirtualMs | undefined;
}

/**
 * The frame of `sim` now, sharing what did not change with `previous` (a frame of the same run).
 * `isNetworkStale` says a fault or a jump in time may have changed the network since `previous`.
 */
export function frameOf(sim: Simulation, previous: Frame | null, isNetworkStale: boolean): Frame {
  const same = previous !== null && previous.trace.records === sim.trace ? previous : null;
  return {
    protocol: sim.protocol,
    nowMs: sim.now,
    nodes: nodesOf(sim, same),
    shape: sim.shape,
    messages: sim.messagesInFlight(),
    network: same && !isNetworkStale ? same.network : sim.network.state(),
    violations: sameList(same?.violations, sim.violations) ? (same?.violations ?? []) : [...sim.violations],
    inputs: sameList(same?.inputs, sim.inputs) ? (same?.inputs ?? []) : [...sim.inputs],
    trace: { records: sim.trace, length: sim.traceLength, hash: sim.traceHash },
    index: traceIndexOf(sim.trace),
    steps: sim.steps,
    nextEventAtMs: sim.nextEventAt(),
  };
}

/** The frame as the protocol's selectors and invariants see a run (`World`). */
export function worldOf(frame: Frame): World {
  return { nowMs: frame.nowMs, nodes: frame.nodes };
}

function nodesOf(sim: Simulation, previous: Frame | null): readonly FrameNode[] {
  let isSame = previous !== null;
  const nodes = sim.nodeIds().map((id, i) => {
    const runtime = sim.node(id);
    const before = previous?.nodes[i];
    const ops = sim.isClient(id) ? sim.clientOps.openOf(id).map((o) => o.command) : undefined;
    const node = runtime ? nodeOf(id, runtime, before, ops) : missing(id);
    if (node !== before) isSame = false;
    return node;
  });
  return isSame && previous ? previous.nodes : nodes;
}

function nodeOf(
  id: NodeId,
  runtime: NonNullable<ReturnType<Simulation['node']>>,
  before: FrameNode | undefined,
  ops: readonly string[] | undefined,
): FrameNode {
  const context = runtime.snapshot.context as unknown;
  const pending = [...runtime.timers.values()];
  const isSameTimers =
    before !== undefined && before.timers.length === pending.length && pending.every((t, i) => before.timers[i] === t);
  if (
    before?.id === id &&
    before.kind === runtime.kind &&
    before.isUp === runtime.isUp &&
    before.view === runtime.view &&
    before.context === context &&
    before.clock === runtime.clock &&
    before.stalledUntil === runtime.stall?.untilMs &&
    isSameTimers &&
    sameOps(before.ops, ops)
  )
    return before;
  const timers: readonly FrameTimer[] = isSameTimers && before ? before.timers : pending;
  const { kind, isUp, view, clock } = runtime;
  const stalledUntil = runtime.stall?.untilMs;
  const node = {
    id,
    kind,
    isUp,
    context,
    view,
    timers,
    clock,
    ...(stalledUntil === undefined ? {} : { stalledUntil }),
  };
  return ops === undefined ? node : { ...node, ops: sameOps(before?.ops, ops) ? (before?.ops ?? ops) : ops };
}

function sameOps(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A node the simulation does not know (never in a well-formed run): down, with nothing to show. */
function missing(id: NodeId): FrameNode {
  return { id, kind: '', isUp: false, context: undefined, view: {}, timers: [], clock: TRUE_CLOCK };
}

/** Whether the copy `kept` still holds exactly what the engine's (mutable) list holds. */
function sameList<T>(kept: readonly T[] | undefined, live: readonly T[]): boolean {
  return kept !== undefined && kept.length === live.length && kept.every((x, i) => x === live[i]);
}
