import type { AnyMachineSnapshot } from 'xstate';
import { applyInput } from './inputs';
import { Network, type NetworkState } from './network';
import type { AnyProtocol, NodeStatus, World } from './protocol';
import { Rng, type RngState } from './rng';
import { type Scheduled, Scheduler } from './scheduler';
import { type Effect, Stepper } from './stepper';
import { emptyHash, type HashState, hashHex, hashRecord, hashValue } from './trace';
import type {
  EventLike,
  Input,
  LinkModel,
  NodeId,
  NodeView,
  Payload,
  Skipped,
  TraceRecord,
  Violation,
  VirtualMs,
} from './types';

/** Everything needed to start a run: a scenario after parsing, with the protocol resolved. */
export interface RunSpec {
  readonly protocol: AnyProtocol;
  readonly nodes: readonly NodeId[];
  readonly seed: number;
  readonly config: unknown;
  readonly network: LinkModel;
  readonly bug: string | null;
  /** Persistent state to start each listed node from (a textbook figure's logs). */
  readonly initial: Readonly<Record<NodeId, unknown>>;
  readonly inputs: readonly Input[];
}

export interface InFlight {
  readonly id: number;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly message: Payload;
  readonly sentAtMs: VirtualMs;
  /** When it arrives; for a message the network loses, when it vanishes. */
  readonly deliverAtMs: VirtualMs;
  readonly isLost: boolean;
  readonly duplicateOf?: number;
}

export interface PendingTimer {
  readonly token: number;
  readonly name: string;
  readonly startedAtMs: VirtualMs;
  readonly atMs: VirtualMs;
  readonly event: Payload;
}

export interface NodeRuntime {
  readonly id: NodeId;
  readonly isUp: boolean;
  readonly snapshot: AnyMachineSnapshot;
  readonly view: NodeView;
  /** What survived the last crash; meaningful while down. */
  readonly persistent: unknown;
  readonly timers: ReadonlyMap<string, PendingTimer>;
  readonly rng: RngState;
}

type QueueEvent =
  | { readonly kind: 'arrive'; readonly message: InFlight }
  | { readonly kind: 'timer'; readonly node: NodeId; readonly id: string; readonly token: number }
  | { readonly kind: 'input'; readonly input: Input };

/** The whole simulation at one instant. Plain, immutable data: restoring it resumes the run exactly. */
export interface SimSnapshot {
  readonly nowMs: VirtualMs;
  readonly steps: number;
  readonly queue: readonly Scheduled<QueueEvent>[];
  readonly seq: number;
  readonly messageSeq: number;
  readonly timerSeq: number;
  /** The inputs of the run when the snapshot was taken (applied and pending). */
  readonly inputs: readonly Input[];
  readonly networkRng: RngState;
  readonly network: NetworkState;
  readonly nodes: readonly NodeRuntime[];
  readonly inFlight: readonly InFlight[];
  readonly history: unknown;
  readonly reported: readonly string[];
  readonly traceLength: number;
  readonly violationCount: number;
  readonly skippedCount: number;
  readonly hash: HashState;
  readonly stats: Stats;
}

export interface Stats {
  readonly events: number;
  readonly sent: number;
  readonly delivered: number;
  readonly dropped: number;
}

interface MutableNode {
  id: NodeId;
  isUp: boolean;
  snapshot: AnyMachineSnapshot;
  view: NodeView;
  viewKey: string;
  /** The context and liveness the view was last computed from: unchanged ones need no new view. */
  viewOf: unknown;
  viewUp: boolean;
  persistent: unknown;
  timers: Map<string, PendingTimer>;
  rng: Rng;
}

/**
 * A deterministic run: a scheduler of timed events, a network, and one XState machine per node, all
 * driven by one seed. `step()` processes one event; `runUntil(t)` processes every event up to t;
 * `apply(input)` adds a user's action. After every event that changes a node, the protocol's monitor
 * checks its invariants.
 */
export class Simulation {
  readonly protocol: AnyProtocol;
  readonly spec: RunSpec;
  /**
   * Everything that happened in this run, as far as it has been computed: after a restore to an
   * earlier snapshot the records past `traceLength` are the run's known future, replayed in place
   * (never copied) as the run moves forward again. Acting before the end of it drops that future.
   */
  readonly trace: TraceRecord[] = [];
  private position = 0;
  readonly violations: Violation[] = [];
  readonly skipped: Skipped[] = [];
  /** Every input of the run so far: the scenario's, then the user's, in the order they apply. */
  readonly inputs: Input[] = [];

  private nowMs: VirtualMs = 0;
  /** How many queue entries have been processed: the position of the run, finer than time. */
  private stepCount = 0;
  private readonly queue = new Scheduler<QueueEvent>();
  private seq = 0;
  private messageSeq = 0;
  private timerSeq = 0;
  private readonly stepper: Stepper;
  private networkRng: Rng;
  network: Network;
  private readonly nodes = new Map<NodeId, MutableNode>();
  private readonly inFlight = new Map<number, InFlight>();
  private history: unknown;
  private inputsCache: readonly Input[] | undefined;
  private reported = new Set<string>();
  private hash: HashState = emptyHash;
  private stats: { -readonly [K in keyof Stats]: Stats[K] } = { events: 0, sent: 0, delivered: 0, dropped: 0 };

  constructor(spec: RunSpec) {
    this.spec = spec;
    this.protocol = spec.protocol;
    this.stepper = new Stepper(spec.protocol.machine);
    const root = Rng.fromSeed(spec.seed);
    this.networkRng = root.fork(0);
    this.network = Network.initial(spec.network);
    spec.nodes.forEach((id, index) => {
      this.nodes.set(id, this.startNode(id, spec.initial[id], root.fork(index + 1)));
    });
    this.history = this.protocol.monitor.initial(this.world());
    for (const node of this.nodes.values()) this.recordState(node, true);
    // Inputs apply in time order, equal times in file order; sorting them (stably) up front changes
    // nothing in the run, and makes "the inputs up to time t" a prefix, which branching relies on.
    for (const input of [...spec.inputs].sort((a, b) => a.at - b.at)) this.schedule(input);
  }

  get now(): VirtualMs {
    return this.nowMs;
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

  nodeIds(): readonly NodeId[] {
    return this.spec.nodes;
  }

  node(id: NodeId): NodeRuntime | undefined {
    const node = this.nodes.get(id);
    return node && { ...node, rng: node.rng.state() };
  }

  messagesInFlight(): readonly InFlight[] {
    return [...this.inFlight.values()];
  }

  message(id: number): InFlight | undefined {
    return this.inFlight.get(id);
  }

  world(): World {
    const nodes: NodeStatus[] = [];
    for (const n of this.nodes.values())
      nodes.push({ id: n.id, isUp: n.isUp, context: n.snapshot.context, view: n.view });
    return { nowMs: this.nowMs, nodes };
  }

  /** The time of the next pending event, if any. */
  nextEventAt(): VirtualMs | undefined {
    return this.queue.peek()?.atMs;
  }

  /** Processes the next event; false when nothing is left. */
  step(): boolean {
    const next = this.queue.pop();
    if (!next) return false;
    this.stepCount++;
    this.nowMs = next.atMs;
    const event = next.event;
    switch (event.kind) {
      case 'arrive':
        this.arrive(event.message);
        break;
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
    if (t > this.nowMs) this.nowMs = t;
  }

  /**
   * Adds a user's input. It applies at `input.at`, which must not be in the past: an input at the
   * current time applies after everything the run already did at that time, exactly as it will when
   * the scenario with this input is replayed from the start. The inputs stay in time order (equal times
   * in the order they were given), as a replayed file would have them.
   */
  apply(input: Input): void {
    if (input.at < this.nowMs) throw new Error(`input at ${input.at} ms is before the current time ${this.nowMs} ms`);
    this.forgetComputedFuture();
    let index = this.inputs.length;
    while (index > 0 && (this.inputs[index - 1] as Input).at > input.at) index--;
    if (index === this.inputs.length) {
      this.schedule(input);
      return;
    }
    // Later inputs (all still in the future) move up one place: renumber them in the queue.
    this.inputs.splice(index, 0, input);
    this.rescheduleInputsFrom(index);
  }

  /**
   * Forgets every input after time `t` (a branch keeps the past and drops the old future). Inputs
   * already applied are not undone: restore a snapshot from before them first.
   */
  dropInputsAfter(t: VirtualMs): void {
    this.forgetComputedFuture();
    let keep = this.inputs.length;
    while (keep > 0 && (this.inputs[keep - 1] as Input).at > t) keep--;
    if (keep === this.inputs.length) return;
    this.inputs.length = keep;
    this.rescheduleInputsFrom(keep);
  }

  /** The records past now were computed with the old inputs: with new ones they no longer hold. */
  private forgetComputedFuture(): void {
    if (this.trace.length > this.position) this.trace.length = this.position;
  }

  private rescheduleInputsFrom(index: number): void {
    this.queue.reset(this.queue.entries().filter((e) => e.event.kind !== 'input' || e.seq < index));
    for (let i = index; i < this.inputs.length; i++) {
      const input = this.inputs[i] as Input;
      this.queue.push({ atMs: input.at, phase: 1, seq: i, event: { kind: 'input', input } });
    }
  }

  /** A copy of the inputs, shared by every snapshot taken while they do not change. */
  private inputsCopy(): readonly Input[] {
    const cached = this.inputsCache;
    if (cached && cached.length === this.inputs.length && cached.every((input, i) => input === this.inputs[i]))
      return cached;
    this.inputsCache = this.inputs.slice();
    return this.inputsCache;
  }

  private schedule(input: Input): void {
    this.queue.push({ atMs: input.at, phase: 1, seq: this.inputs.length, event: { kind: 'input', input } });
    this.inputs.push(input);
  }

  // ---- used by inputs.ts -------------------------------------------------------------------

  /** @internal */
  record(record: TraceRecord): void {
    // Replaying known ground (after a restore), the same record is already in place.
    if (this.position === this.trace.length) this.trace.push(record);
    this.position++;
    this.hash = hashRecord(this.hash, record);
  }

  /** @internal */
  skip(input: Input, reason: string): void {
    this.skipped.push({ at: input.at, type: input.type, reason });
    this.record({ t: this.nowMs, kind: 'skip', input: input.type, reason });
  }

  /** @internal */
  countEvent(): void {
    this.stats.events++;
  }

  /** @internal */
  crash(id: NodeId): void {
    const node = this.mustNode(id);
    node.persistent = this.protocol.persistent(node.snapshot.context, this.spec.bug);
    node.isUp = false;
    node.timers = new Map();
    this.afterChange(node);
  }

  /** @internal */
  restart(id: NodeId): void {
    const node = this.mustNode(id);
    const fresh = this.startNode(id, node.persistent, node.rng);
    this.nodes.set(id, fresh);
    this.recordState(fresh, false);
    this.runMonitor(id);
  }

  /** @internal Delivers a payload to a live node as if it came from `from` (requests, forced timeouts). */
  deliverTo(id: NodeId, payload: Payload | EventLike, from?: NodeId): void {
    const node = this.mustNode(id);
    const entropy = node.rng.uint32();
    const at = this.nowMs;
    const event = from === undefined ? { ...payload, at, entropy } : { ...payload, from, at, entropy };
    const step = this.stepper.next(node.snapshot, event);
    node.snapshot = step.snapshot;
    this.perform(node, step.effects);
    this.afterChange(node);
  }

  /** @internal Fires a node's earliest pending timer now (the `timeout` input). False when it has none. */
  fireEarliestTimer(id: NodeId): boolean {
    const node = this.mustNode(id);
    let earliest: [string, PendingTimer] | undefined;
    for (const entry of node.timers) if (!earliest || entry[1].atMs < earliest[1].atMs) earliest = entry;
    if (!earliest) return false;
    this.fireTimer(id, earliest[0], earliest[1].token);
    return true;
  }

  /** @internal */
  dropByUser(id: number): boolean {
    const message = this.inFlight.get(id);
    if (!message || message.isLost) return false;
    this.inFlight.delete(id);
    this.drop(message, 'user');
    return true;
  }

  /** @internal */
  duplicateByUser(id: number): boolean {
    const message = this.inFlight.get(id);
    if (!message || message.isLost) return false;
    const delay = this.network.delay(message.from, message.to, this.networkRng);
    this.launch(message.from, message.to, message.message, this.nowMs + delay, false, message.id);
    return true;
  }

  // ---- events ------------------------------------------------------------------------------

  private startNode(id: NodeId, persistent: unknown, rng: Rng): MutableNode {
    const nodes = this.spec.nodes;
    const input = {
      id,
      nodes,
      peers: nodes.filter((n) => n !== id),
      config: this.spec.config,
      bug: this.spec.bug,
      persistent,
      entropy: rng.uint32(),
      at: this.nowMs,
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

  private arrive(message: InFlight): void {
    if (this.inFlight.get(message.id) !== message) return; // dropped by the user meanwhile
    this.inFlight.delete(message.id);
    this.countEvent();
    if (message.isLost) {
      this.drop(message, 'loss');
      return;
    }
    if (!this.network.canCarry(message.from, message.to)) {
      this.drop(message, 'partition');
      return;
    }
    const target = this.mustNode(message.to);
    if (!target.isUp) {
      this.drop(message, 'crashed');
      return;
    }
    this.stats.delivered++;
    this.record({
      t: this.nowMs,
      kind: 'deliver',
      id: message.id,
      from: message.from,
      to: message.to,
      type: message.message.type,
    });
    this.deliverTo(message.to, message.message, message.from);
  }

  private fireTimer(id: NodeId, timerId: string, token: number): void {
    const node = this.mustNode(id);
    const timer = node.timers.get(timerId);
    if (!node.isUp || !timer || timer.token !== token) return; // cancelled, replaced, or the node crashed
    node.timers.delete(timerId);
    this.countEvent();
    this.record({ t: this.nowMs, kind: 'timer', node: id, name: timer.name });
    this.deliverTo(id, timer.event);
  }

  private drop(message: InFlight, reason: 'loss' | 'partition' | 'crashed' | 'user'): void {
    this.stats.dropped++;
    const { id, from, to } = message;
    this.record({ t: this.nowMs, kind: 'drop', id, from, to, type: message.message.type, reason });
  }

  private perform(node: MutableNode, effects: readonly Effect[]): void {
    for (const effect of effects) {
      switch (effect.kind) {
        case 'send':
          this.send(node.id, effect.to, effect.message);
          break;
        case 'schedule': {
          const token = ++this.timerSeq;
          const atMs = this.nowMs + effect.delayMs;
          const name = this.protocol.timerName(effect.event);
          node.timers.set(effect.id, { token, name, startedAtMs: this.nowMs, atMs, event: effect.event });
          this.queue.push({
            atMs,
            phase: 0,
            seq: this.seq++,
            event: { kind: 'timer', node: node.id, id: effect.id, token },
          });
          break;
        }
        case 'cancel':
          node.timers.delete(effect.id);
          break;
        case 'reply':
          this.record({
            t: this.nowMs,
            kind: 'reply',
            node: node.id,
            command: effect.command,
            ok: effect.ok,
            note: effect.note,
          });
          break;
        default:
          effect satisfies never;
      }
    }
  }

  private send(from: NodeId, to: NodeId, message: Payload): void {
    if (!this.nodes.has(to)) throw new Error(`${from} sent ${message.type} to unknown node "${to}"`);
    if (!this.network.canCarry(from, to)) {
      const id = ++this.messageSeq;
      this.stats.sent++;
      this.record({ t: this.nowMs, kind: 'send', id, from, to, type: message.type, message });
      this.drop({ id, from, to, message, sentAtMs: this.nowMs, deliverAtMs: this.nowMs, isLost: true }, 'partition');
      return;
    }
    const route = this.network.route(from, to, this.nowMs, this.networkRng);
    if (route.deliverAtMs === undefined) {
      // Lost: it travels part of the way and vanishes, so the picture can show where it was lost.
      const [lo, hi] = this.network.linkModel(from, to).latencyMs;
      this.launch(from, to, message, this.nowMs + Math.max(1, Math.floor((lo + hi) / 4)), true);
      return;
    }
    const original = this.launch(from, to, message, route.deliverAtMs, false);
    if (route.duplicateAtMs !== undefined) this.launch(from, to, message, route.duplicateAtMs, false, original.id);
  }

  private launch(
    from: NodeId,
    to: NodeId,
    message: Payload,
    atMs: VirtualMs,
    isLost: boolean,
    duplicateOf?: number,
  ): InFlight {
    const id = ++this.messageSeq;
    const flight: InFlight = {
      id,
      from,
      to,
      message,
      sentAtMs: this.nowMs,
      deliverAtMs: atMs,
      isLost,
      ...(duplicateOf === undefined ? {} : { duplicateOf }),
    };
    this.inFlight.set(id, flight);
    this.stats.sent++;
    const base = { t: this.nowMs, kind: 'send' as const, id, from, to, type: message.type };
    this.record(
      isLost
        ? { ...base, lostAt: atMs, message }
        : { ...base, deliverAt: atMs, message, ...(duplicateOf === undefined ? {} : { duplicateOf }) },
    );
    this.queue.push({ atMs, phase: 0, seq: this.seq++, event: { kind: 'arrive', message: flight } });
    return flight;
  }

  /**
   * After a node's step: record its view if it changed, and check the invariants whenever its state
   * changed at all (a context the view does not show can still matter to an invariant).
   */
  private afterChange(node: MutableNode): void {
    const changed = node.snapshot.context !== node.viewOf || node.isUp !== node.viewUp;
    this.recordState(node, false);
    if (changed) this.runMonitor(node.id);
  }

  /** Records the node's view when it changed; true when it did. */
  private recordState(node: MutableNode, force: boolean): boolean {
    const context = node.snapshot.context;
    if (!force && context === node.viewOf && node.isUp === node.viewUp) return false;
    const fresh = this.protocol.view(context, node.snapshot.value);
    const view = node.isUp ? fresh : { ...fresh, crashed: true };
    node.viewOf = context;
    node.viewUp = node.isUp;
    // Views share structure with the context: most changes of context leave every field of the view as it was.
    if (!force && shallowEqual(view, node.view)) return false;
    const [a, b] = hashValue(view);
    const key = `${a}:${b}`;
    if (!force && key === node.viewKey) return false;
    node.view = view;
    node.viewKey = key;
    this.record({ t: this.nowMs, kind: 'state', node: node.id, state: view });
    return true;
  }

  private runMonitor(changed: NodeId): void {
    const { history, findings } = this.protocol.monitor.check(this.history, this.world(), changed);
    this.history = history;
    for (const finding of findings) {
      const key = `${finding.invariant}\u0000${finding.message}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      this.violations.push({ invariant: finding.invariant, time: this.nowMs, message: finding.message });
      this.record({ t: this.nowMs, kind: 'violation', invariant: finding.invariant, message: finding.message });
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
      nowMs: this.nowMs,
      steps: this.stepCount,
      queue: this.queue.entries(),
      seq: this.seq,
      messageSeq: this.messageSeq,
      timerSeq: this.timerSeq,
      inputs: this.inputsCopy(),
      networkRng: this.networkRng.state(),
      network: this.network.state(),
      nodes: [...this.nodes.values()].map((n) => ({
        id: n.id,
        isUp: n.isUp,
        snapshot: n.snapshot,
        view: n.view,
        persistent: n.persistent,
        timers: new Map(n.timers),
        rng: n.rng.state(),
      })),
      inFlight: [...this.inFlight.values()],
      history: this.history,
      reported: [...this.reported],
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
    this.nowMs = s.nowMs;
    this.stepCount = s.steps;
    // The inputs pending at the snapshot, plus the ones added since, are scheduled again under their
    // current positions; inputs dropped since (a branch) are gone, and applied ones stay applied.
    const pending = new Set<Input>();
    for (const e of s.queue) if (e.event.kind === 'input') pending.add(e.event.input);
    const known = new Set(s.inputs);
    this.queue.reset(s.queue.filter((e) => e.event.kind !== 'input'));
    this.inputs.forEach((input, i) => {
      if (pending.has(input) || !known.has(input)) {
        this.queue.push({ atMs: input.at, phase: 1, seq: i, event: { kind: 'input', input } });
      }
    });
    this.seq = s.seq;
    this.messageSeq = s.messageSeq;
    this.timerSeq = s.timerSeq;
    this.networkRng = Rng.fromState(s.networkRng);
    this.network = new Network(s.network);
    this.nodes.clear();
    for (const n of s.nodes) {
      this.nodes.set(n.id, {
        id: n.id,
        isUp: n.isUp,
        snapshot: n.snapshot,
        view: n.view,
        viewKey: hashValue(n.view).join(':'),
        viewOf: n.snapshot.context,
        viewUp: n.isUp,
        persistent: n.persistent,
        timers: new Map(n.timers),
        rng: Rng.fromState(n.rng),
      });
    }
    this.inFlight.clear();
    for (const m of s.inFlight) this.inFlight.set(m.id, m);
    this.history = s.history;
    this.reported = new Set(s.reported);
    if (this.trace.length < s.traceLength) throw new Error('the snapshot is from another branch of this run');
    this.position = s.traceLength;
    this.violations.length = s.violationCount;
    this.skipped.length = s.skippedCount;
    this.hash = s.hash;
    this.stats = { ...s.stats };
  }
}

function shallowEqual(a: NodeView, b: NodeView): boolean {
  let count = 0;
  for (const key in a) {
    if (a[key] !== b[key]) return false;
    count++;
  }
  for (const _ in b) count--;
  return count === 0;
}
