import { InputLog } from './inputLog';
import { applyInput } from './inputs';
import type { Network } from './network';
import { Observer, viewKey } from './observer';
import type { AnyProtocol, NodeStatus, World } from './protocol';
import { Rng } from './rng';
import type { InFlight, MutableNode, NodeRuntime, QueueEvent, RunSpec, SimSnapshot, Stats } from './runtime';
import { Scheduler } from './scheduler';
import { type Effect, Stepper } from './stepper';
import { emptyHash, type HashState, hashHex, hashRecord } from './trace';
import type { EventLike, Input, NodeId, NodeView, Payload, Skipped, TraceRecord, Violation, VirtualMs } from './types';
import { Wire, type WireHost } from './wire';

export type { InFlight, NodeRuntime, PendingTimer, RunSpec, SimSnapshot, Stats } from './runtime';

/**
 * A deterministic run: a scheduler of timed events, the wire, and one XState machine per node, all
 * driven by one seed. `step()` processes one event; `runUntil(t)` processes every event up to t;
 * `apply(input)` adds a user's action. After every event that changes a node, the protocol's monitor
 * checks its invariants.
 */
export class Simulation implements WireHost {
  readonly protocol: AnyProtocol;
  readonly spec: RunSpec;
  /**
   * Everything that happened in this run, as far as it has been computed: after a restore to an
   * earlier snapshot the records past `traceLength` are the run's known future, replayed in place
   * (never copied) as the run moves forward again. Acting before the end of it drops that future.
   */
  readonly trace: TraceRecord[] = [];
  readonly violations: Violation[] = [];
  readonly skipped: Skipped[] = [];
  /** Counters, updated in place by the simulation and the wire; read them through `counters`. */
  readonly stats = { events: 0, sent: 0, delivered: 0, dropped: 0 };
  private clock: VirtualMs = 0;

  private position = 0;
  /** How many queue entries have been processed: the position of the run, finer than time. */
  private stepCount = 0;
  private readonly queue = new Scheduler<QueueEvent>();
  private readonly log = new InputLog(this.queue);
  private seq = 0;
  private timerSeq = 0;
  private readonly stepper: Stepper;
  private readonly wire: Wire;
  private readonly nodes = new Map<NodeId, MutableNode>();
  private readonly observer: Observer;
  private hash: HashState = emptyHash;

  constructor(spec: RunSpec) {
    this.spec = spec;
    this.protocol = spec.protocol;
    this.stepper = new Stepper(spec.protocol.machine);
    const root = Rng.fromSeed(spec.seed);
    this.wire = new Wire(this, spec.network, root.fork(0));
    spec.nodes.forEach((id, index) => {
      this.nodes.set(id, this.startNode(id, spec.initial[id], root.fork(index + 1)));
    });
    this.observer = new Observer(this, this.protocol);
    for (const node of this.nodes.values()) this.observer.recordState(node, true);
    // Sorting (stably) up front changes nothing in the run and keeps the inputs in time order.
    for (const input of [...spec.inputs].sort((a, b) => a.at - b.at)) this.log.push(input);
  }

  // ---- reading -----------------------------------------------------------------------------

  get now(): VirtualMs {
    return this.clock;
  }

  get nowMs(): VirtualMs {
    return this.clock;
  }

  get steps(): number {
    return this.stepCount;
  }

  /** How many records of `trace` have happened by now. */
  get traceLength(): number {
    return this.position;
  }

  get traceHash(): string {
    return hashHex(this.hash);
  }

  get counters(): Stats {
    return { ...this.stats };
  }

  /** Every input of the run: the scenario's and the user's, in the order they apply. */
  get inputs(): readonly Input[] {
    return this.log.inputs;
  }

  get network(): Network {
    return this.wire.network;
  }

  nodeIds(): readonly NodeId[] {
    return this.spec.nodes;
  }

  /** A copy of one node's runtime (for inspection; `isUp` and `view` are cheaper for hot paths). */
  node(id: NodeId): NodeRuntime | undefined {
    const node = this.nodes.get(id);
    return node && { ...node, rng: node.rng.state() };
  }

  hasNode(id: NodeId): boolean {
    return this.nodes.has(id);
  }

  isUp(id: NodeId): boolean {
    return this.nodes.get(id)?.isUp === true;
  }

  view(id: NodeId): NodeView | undefined {
    return this.nodes.get(id)?.view;
  }

  messagesInFlight(): readonly InFlight[] {
    return this.wire.messages();
  }

  message(id: number): InFlight | undefined {
    return this.wire.message(id);
  }

  world(): World {
    const nodes: NodeStatus[] = [];
    for (const n of this.nodes.values())
      nodes.push({ id: n.id, isUp: n.isUp, context: n.snapshot.context, view: n.view });
    return { nowMs: this.clock, nodes };
  }

  /** The time of the next pending event, if any. */
  nextEventAt(): VirtualMs | undefined {
    return this.queue.peek()?.atMs;
  }

  // ---- running -----------------------------------------------------------------------------

  /** Processes the next event; false when nothing is left. */
  step(): boolean {
    const next = this.queue.pop();
    if (!next) return false;
    this.stepCount++;
    this.clock = next.atMs;
    const event = next.event;
    switch (event.kind) {
      case 'arrive': {
        const message = this.wire.arrive(event.message);
        if (message !== 'stale') this.stats.events++;
        if (message !== 'stale' && message !== undefined) this.deliverTo(message.to, message.message, message.from);
        break;
      }
      case 'timer':
        this.fireTimer(event.node, event.id, event.token);
        break;
      case 'input':
        applyInput(this, event.input);
        break;
      default:
        event satisfies never;
    }
    return true;
  }

  /** Processes every event at or before `t`, then stands at `t`. */
  runUntil(t: VirtualMs): void {
    for (;;) {
      const next = this.queue.peek();
      if (!next || next.atMs > t) break;
      this.step();
    }
    if (t > this.clock) this.clock = t;
  }

  /**
   * Adds a user's input. It applies at `input.at`, which must not be in the past: an input at the
   * current time applies after everything the run already did at that time, exactly as it will when
   * the scenario with this input is replayed from the start.
   */
  apply(input: Input): void {
    if (input.at < this.clock) throw new Error(`input at ${input.at} ms is before the current time ${this.clock} ms`);
    this.forgetComputedFuture();
    this.log.insert(input);
  }

  /** Forgets every input after time `t` (a branch keeps the past and drops the old future). */
  dropInputsAfter(t: VirtualMs): void {
    this.forgetComputedFuture();
    this.log.dropAfter(t);
  }

  /** The records past now were computed with the old inputs: with new ones they no longer hold. */
  private forgetComputedFuture(): void {
    if (this.trace.length > this.position) this.trace.length = this.position;
  }

  schedule(atMs: VirtualMs, event: QueueEvent): void {
    this.queue.push({ atMs, phase: 0, seq: this.seq++, event });
  }

  // ---- used by inputs.ts and the wire ------------------------------------------------------

  record(record: TraceRecord): void {
    // Replaying known ground (after a restore), the same record is already in place.
    if (this.position === this.trace.length) this.trace.push(record);
    this.position++;
    this.hash = hashRecord(this.hash, record);
  }

  skip(input: Input, reason: string): void {
    this.skipped.push({ at: input.at, type: input.type, reason });
    this.record({ t: this.clock, kind: 'skip', input: input.type, reason });
  }

  countEvent(): void {
    this.stats.events++;
  }

  crash(id: NodeId): void {
    const node = this.mustNode(id);
    node.persistent = this.protocol.persistent(node.snapshot.context, this.spec.bug);
    node.isUp = false;
    node.timers = new Map();
    this.observer.afterChange(node);
  }

  restart(id: NodeId): void {
    const node = this.mustNode(id);
    const fresh = this.startNode(id, node.persistent, node.rng);
    this.nodes.set(id, fresh);
    this.observer.recordState(fresh, false);
    this.observer.check(id);
  }

  /** Delivers a payload to a live node as if it came from `from` (messages, requests, timers). */
  deliverTo(id: NodeId, payload: Payload | EventLike, from?: NodeId): void {
    const node = this.mustNode(id);
    const entropy = node.rng.uint32();
    const at = this.clock;
    const event = from === undefined ? { ...payload, at, entropy } : { ...payload, from, at, entropy };
    const step = this.stepper.next(node.snapshot, event);
    node.snapshot = step.snapshot;
    this.perform(node, step.effects);
    this.observer.afterChange(node);
  }

  /** Fires a node's earliest pending timer now (the `timeout` input). False when it has none. */
  fireEarliestTimer(id: NodeId): boolean {
    const node = this.mustNode(id);
    let earliest: [string, { token: number; atMs: number }] | undefined;
    for (const entry of node.timers) if (!earliest || entry[1].atMs < earliest[1].atMs) earliest = entry;
    if (!earliest) return false;
    this.fireTimer(id, earliest[0], earliest[1].token);
    return true;
  }

  dropByUser(id: number): boolean {
    return this.wire.dropByUser(id);
  }

  duplicateByUser(id: number): boolean {
    return this.wire.duplicateByUser(id);
  }

  // ---- nodes -------------------------------------------------------------------------------

  private startNode(id: NodeId, persistent: unknown, rng: Rng): MutableNode {
    const nodes = this.spec.nodes;
    const peers = nodes.filter((n) => n !== id);
    const input = {
      id,
      nodes,
      peers,
      config: this.spec.config,
      bug: this.spec.bug,
      persistent,
      entropy: rng.uint32(),
      at: this.clock,
    };
    const step = this.stepper.initial(input);
    const node: MutableNode = {
      id,
      isUp: true,
      snapshot: step.snapshot,
      view: {},
      viewKey: '',
      viewOf: undefined,
      viewUp: true,
      persistent,
      timers: new Map(),
      rng,
    };
    this.perform(node, step.effects);
    return node;
  }

  private fireTimer(id: NodeId, timerId: string, token: number): void {
    const node = this.mustNode(id);
    const timer = node.timers.get(timerId);
    if (!node.isUp || !timer || timer.token !== token) return; // cancelled, replaced, or the node crashed
    node.timers.delete(timerId);
    this.countEvent();
    this.record({ t: this.clock, kind: 'timer', node: id, name: timer.name });
    this.deliverTo(id, timer.event);
  }

  private perform(node: MutableNode, effects: readonly Effect[]): void {
    for (const effect of effects) {
      switch (effect.kind) {
        case 'send':
          this.wire.send(node.id, effect.to, effect.message);
          break;
        case 'schedule': {
          const token = ++this.timerSeq;
          const atMs = this.clock + effect.delayMs;
          const name = this.protocol.timerName(effect.event);
          node.timers.set(effect.id, { token, name, startedAtMs: this.clock, atMs, event: effect.event });
          this.schedule(atMs, { kind: 'timer', node: node.id, id: effect.id, token });
          break;
        }
        case 'cancel':
          node.timers.delete(effect.id);
          break;
        case 'reply': {
          const { command, ok, note } = effect;
          this.record({ t: this.clock, kind: 'reply', node: node.id, command, ok, note });
          break;
        }
        default:
          effect satisfies never;
      }
    }
  }

  private mustNode(id: NodeId): MutableNode {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`unknown node "${id}"`);
    return node;
  }

  // ---- snapshots ---------------------------------------------------------------------------

  snapshot(): SimSnapshot {
    return {
      nowMs: this.clock,
      steps: this.stepCount,
      queue: this.queue.entries(),
      seq: this.seq,
      timerSeq: this.timerSeq,
      inputs: this.log.copy(),
      wire: this.wire.state(),
      nodes: [...this.nodes.values()].map((n) => ({ ...n, timers: new Map(n.timers), rng: n.rng.state() })),
      observer: this.observer.state(),
      traceLength: this.position,
      violationCount: this.violations.length,
      skippedCount: this.skipped.length,
      hash: this.hash,
      stats: { ...this.stats },
    };
  }

  /**
   * Puts the simulation back (or forward, within what was computed) to a snapshot it took earlier on
   * this run. Inputs added since stay scheduled if they had not applied at the snapshot.
   */
  restore(s: SimSnapshot): void {
    if (this.trace.length < s.traceLength) throw new Error('the snapshot is from another branch of this run');
    this.clock = s.nowMs;
    this.stepCount = s.steps;
    this.log.restoreQueue(s.queue, s.inputs);
    this.seq = s.seq;
    this.timerSeq = s.timerSeq;
    this.wire.restore(s.wire);
    this.nodes.clear();
    for (const n of s.nodes) {
      const fields = {
        viewKey: viewKey(n.view),
        viewOf: n.snapshot.context,
        viewUp: n.isUp,
        timers: new Map(n.timers),
        rng: Rng.fromState(n.rng),
      };
      this.nodes.set(n.id, { ...n, ...fields });
    }
    this.observer.restore(s.observer);
    this.position = s.traceLength;
    this.violations.length = s.violationCount;
    this.skipped.length = s.skippedCount;
    this.hash = s.hash;
    Object.assign(this.stats, s.stats);
  }
}
