import type { OpResult } from './clients';
import {
  adjustClock as adjusted,
  type ClockChange,
  changeClock,
  clockReading,
  localTime,
  startClock,
  timerSpan,
} from './clock';
import { own } from './kit/dict';
import { endStall, holdArrival, type StallHost, startStall } from './nodeStalls';
import { Rng } from './rng';
import type { InFlight, MutableNode, NodeRuntime, QueueEvent, RunSpec } from './runtime';
import { type HeldMessage, holdItem, holdTimer } from './stall';
import { type Effect, Stepper } from './stepper';
import { type ClusterShape, DEFAULT_KIND, kindRules, kindsOf, type NodesDeclaration } from './topology';
import { viewKey } from './trace';
import type { EventLike, NodeId, Payload, TraceRecord, VirtualMs } from './types';

/** What the nodes need from the simulation around them. */
export interface NodesHost {
  readonly nowMs: VirtualMs;
  record(record: TraceRecord): void;
  schedule(atMs: VirtualMs, event: QueueEvent): void;
  send(from: NodeId, to: NodeId, message: Payload): void;
  countEvent(): void;
  /** A node's state may have changed: record its view, check the invariants. */
  changed(node: MutableNode): void;
  /** A node started again: record its fresh view, check the invariants. */
  restarted(node: MutableNode): void;
  /** A message held by a stalled node is handed now (§1.3: its `deliver` record, with `arrivedAt`). */
  handedHeld(message: HeldMessage, arrivedAt: VirtualMs): void;
  /** A message held by a stalled node that crashed is dropped (`crashed`). */
  droppedHeld(message: HeldMessage): void;
  /** §1.5: the node's machine completed operation `op` (the kit's `complete`). */
  complete(node: NodeId, op: number, result: OpResult, value: number | string | null): void;
}

export interface NodesState {
  readonly nodes: readonly NodeRuntime[];
  readonly timerSeq: number;
}

/**
 * The nodes of a run: one XState machine each, stepped through its pure transition, with the timers it
 * asked for, its own stream of randomness, and what survives its crashes. Every event a machine gets
 * carries the virtual time and a fresh draw of entropy; nothing else reaches it.
 */
export class Nodes {
  private readonly map = new Map<NodeId, MutableNode>();
  /** One stepper per node kind, each over its kind's machine. */
  private readonly steppers = new Map<string, Stepper>();
  /** Each node's kind and the nodes it has a link to. */
  private readonly placed = new Map<NodeId, { readonly kind: string; readonly links: readonly NodeId[] }>();
  private timerSeq = 0;
  /** §1.5: the client nodes, handed to every machine as `clients` when there are any. */
  private readonly clients: readonly NodeId[];
  /** §1.7: the servers that start outside the cluster. */
  private readonly standby: ReadonlySet<NodeId>;

  constructor(
    private readonly host: NodesHost,
    private readonly spec: RunSpec,
    shape: ClusterShape,
    /** The kinds of node (with the `client` kind when the run has clients: clientNodes.ts). */
    private readonly declaration: NodesDeclaration = spec.protocol,
  ) {
    this.clients = spec.clients ?? [];
    this.standby = new Set(spec.protocol.membership ? (spec.standby ?? []) : []);
    for (const kind of kindsOf(declaration)) this.steppers.set(kind.id, new Stepper(kind.machine));
    const all = shape.nodes.map((n) => n.id);
    for (const node of shape.nodes) {
      const links = shape.isFullMesh
        ? all.filter((n) => n !== node.id)
        : shape.links.filter((l) => l.from === node.id).map((l) => l.to);
      this.placed.set(node.id, { kind: node.kind, links });
    }
  }

  private stepperOf(node: { readonly kind: string }): Stepper {
    return this.steppers.get(node.kind) as Stepper;
  }

  get(id: NodeId): MutableNode | undefined {
    return this.map.get(id);
  }

  values(): IterableIterator<MutableNode> {
    return this.map.values();
  }

  start(id: NodeId, persistent: unknown, rng: Rng, byzantine: string | null = null): MutableNode {
    const nodes = this.spec.nodes;
    const peers = nodes.filter((n) => n !== id);
    const { config, bug } = this.spec;
    const at = this.host.nowMs;
    // A restarted node keeps its clock (a hardware clock survives a crash); a new one starts from `clocks` (§1.4).
    const clock = this.map.get(id)?.clock ?? startClock(this.spec.clocks && own(this.spec.clocks, id));
    const localAt = localTime(clock, at);
    const { kind, links } = this.placed.get(id) ?? { kind: DEFAULT_KIND, links: peers };
    const member = this.map.get(id)?.member ?? !this.standby.has(id);
    const seed = this.spec.seed;
    const base = { id, nodes, peers, config, bug, persistent, entropy: rng.uint32(), seed, kind, links, at, localAt };
    // §1.5: `nodes` and `peers` stay the servers; `clients` lists the clients (only when there are any).
    // §1.6, §1.7: the marks join the input only where they apply, so every other run starts exactly as before.
    const input = {
      ...base,
      ...(this.clients.length === 0 ? {} : { clients: this.clients }),
      ...(byzantine === null ? {} : { byzantine }),
      ...(this.spec.protocol.membership ? { members: this.members() } : {}),
    };
    const step = this.stepperOf({ kind }).initial(input);
    const node: MutableNode = {
      id,
      kind,
      isUp: true,
      snapshot: step.snapshot,
      view: {},
      viewKey: '',
      viewOf: undefined,
      viewUp: true,
      persistent,
      timers: new Map(),
      rng,
      clock,
      stall: null,
      byzantine,
      member,
    };
    this.map.set(id, node);
    this.perform(node, step.effects);
    return node;
  }

  /** Delivers a payload to a live node as if it came from `from`; a stalled node holds a request (§1.3). */
  deliver(id: NodeId, payload: Payload | EventLike, from?: NodeId): void {
    const node = this.must(id);
    if (node.stall !== null && from === undefined) {
      node.stall = holdItem(node.stall, { kind: 'request', payload: payload as EventLike });
      return;
    }
    this.hand(node, payload, from);
  }

  private hand(node: MutableNode, payload: Payload | EventLike, from?: NodeId): void {
    const entropy = node.rng.uint32();
    const at = this.host.nowMs;
    // §1.4: every event carries the node's own clock reading next to the virtual time.
    const localAt = localTime(node.clock, at);
    // Object.assign, not a spread: payloads of many shapes make the spread's inline cache megamorphic, and
    // the spread then cost about a tenth of the whole run (a profile of the RaftScope-parity run).
    const event = Object.assign({} as Record<string, unknown>, payload);
    if (from !== undefined) event.from = from;
    event.at = at;
    event.localAt = localAt;
    event.entropy = entropy;
    const step = this.stepperOf(node).next(node.snapshot, event as EventLike);
    node.snapshot = step.snapshot;
    this.perform(node, step.effects);
    this.host.changed(node);
  }

  /** Volatile state is lost and timers stop; only what the protocol persists survives. A crash ends a stall (§1.3). */
  crash(id: NodeId): void {
    const node = this.must(id);
    const held = node.stall?.items ?? [];
    node.stall = null;
    // §1.3: held messages are dropped (`crashed`), held timers discarded with the rest, held requests too.
    for (const item of held) if (item.kind === 'message') this.host.droppedHeld(item.message);
    node.persistent = kindRules(this.declaration, node.kind).persistent(node.snapshot.context, this.spec.bug);
    node.isUp = false;
    node.timers = new Map();
    this.host.changed(node);
  }

  /** The machine starts again from the persistent state alone. */
  restart(id: NodeId): void {
    const node = this.must(id);
    this.host.restarted(this.start(id, node.persistent, node.rng, node.byzantine));
  }

  /** §1.7: the servers in the cluster now, in scenario order (at the start: all but the standby ones). */
  members(): NodeId[] {
    return this.spec.nodes.filter((n) => this.map.get(n)?.member ?? !this.standby.has(n));
  }

  /** §1.6: from now on the node runs Byzantine mode `mode`; it keeps it across crashes. */
  setByzantine(id: NodeId, mode: string): void {
    this.must(id).byzantine = mode;
  }

  /** §1.7: marks the node in or out of the cluster. */
  setMember(id: NodeId, member: boolean): void {
    this.must(id).member = member;
  }

  fireTimer(id: NodeId, timerId: string, token: number): void {
    const node = this.must(id);
    const timer = node.timers.get(timerId);
    if (!node.isUp || !timer || timer.token !== token) return; // cancelled, replaced, or the node crashed
    if (node.stall !== null) {
      node.stall = holdTimer(node.stall, { id: timerId, token, dueAt: this.host.nowMs });
      return;
    }
    node.timers.delete(timerId);
    this.host.countEvent();
    this.host.record({ t: this.host.nowMs, kind: 'timer', node: id, name: timer.name });
    this.hand(node, timer.event);
  }

  // ---- stalls (stall.ts, spec/protocols.md §1.3) ----

  isStalled(id: NodeId): boolean {
    return this.map.get(id)?.stall != null;
  }

  /** The node pauses until `now + durationMs` (or later, if it already is paused longer). */
  stall(id: NodeId, durationMs: number): void {
    startStall(this.must(id), durationMs, this.stallHost);
  }

  /** A message arrived at a stalled node: held until the end of the stall. False when the node is not stalled. */
  holdMessage(message: InFlight): boolean {
    return holdArrival(this.map.get(message.to), message, this.host.nowMs);
  }

  endStall(id: NodeId, untilMs: VirtualMs): void {
    endStall(this.must(id), untilMs, this.stallHost);
  }

  private readonly stallHost: StallHost = {
    now: () => this.host.nowMs,
    schedule: (atMs, event) => this.host.schedule(atMs, event),
    record: (record) => this.host.record(record),
    countEvent: () => this.host.countEvent(),
    handedHeld: (message, arrivedAt) => this.host.handedHeld(message, arrivedAt),
    hand: (node, payload, from) => this.hand(node, payload, from),
  };

  // ---- clocks (clock.ts, spec/protocols.md §1.4) ----

  /** A `clock` input: rebases the node's clock and applies the change. */
  setClock(id: NodeId, change: ClockChange): void {
    const node = this.must(id);
    node.clock = changeClock(node.clock, this.host.nowMs, change);
  }

  localNow(id: NodeId): VirtualMs {
    return localTime(this.must(id).clock, this.host.nowMs);
  }

  /** Fires a node's earliest pending timer now (the `timeout` input). False when it has none. */
  fireEarliestTimer(id: NodeId): boolean {
    const node = this.must(id);
    let earliest: [string, { token: number; atMs: number }] | undefined;
    for (const entry of node.timers) if (!earliest || entry[1].atMs < earliest[1].atMs) earliest = entry;
    if (!earliest) return false;
    this.fireTimer(id, earliest[0], earliest[1].token);
    return true;
  }

  state(): NodesState {
    const nodes = [...this.map.values()].map((n) => ({ ...n, timers: new Map(n.timers), rng: n.rng.state() }));
    return { nodes, timerSeq: this.timerSeq };
  }

  restore(s: NodesState): void {
    this.timerSeq = s.timerSeq;
    this.map.clear();
    for (const n of s.nodes) {
      const timers = new Map(n.timers);
      const fields = {
        viewKey: viewKey(n.view),
        viewOf: n.snapshot.context,
        viewUp: n.isUp,
        timers,
        rng: Rng.fromState(n.rng),
        // A snapshot made before nodes had these marks reads as an honest member.
        byzantine: n.byzantine ?? null,
        member: n.member ?? true,
      };
      this.map.set(n.id, { ...n, ...fields });
    }
  }

  private perform(node: MutableNode, effects: readonly Effect[]): void {
    const now = this.host.nowMs;
    for (const effect of effects) {
      switch (effect.kind) {
        case 'send':
          this.host.send(node.id, effect.to, effect.message);
          break;
        case 'schedule': {
          const token = ++this.timerSeq;
          // §1.4: timers run at the clock's rate when they are set; later changes leave them alone.
          const atMs = now + timerSpan(node.clock, effect.delayMs);
          node.timers.set(effect.id, { token, name: effect.name, startedAtMs: now, atMs, event: effect.event });
          this.host.schedule(atMs, { kind: 'timer', node: node.id, id: effect.id, token });
          break;
        }
        case 'cancel':
          node.timers.delete(effect.id);
          break;
        case 'reply': {
          const { command, ok, note } = effect;
          this.host.record({ t: now, kind: 'reply', node: node.id, command, ok, note });
          break;
        }
        case 'adjustClock': {
          // §1.4: only a protocol declaring `setsClock` may touch its clocks.
          if (this.spec.protocol.setsClock !== true)
            throw new Error(`${node.id} emitted adjustClock, but ${this.spec.protocol.id} does not declare setsClock`);
          node.clock = adjusted(node.clock, now, effect);
          const { offsetMs, driftPpm } = clockReading(node.clock, now);
          const { stepMs, slewPpm } = effect;
          this.host.record({
            t: now,
            kind: 'clock',
            node: node.id,
            ...(stepMs === undefined ? {} : { stepMs }),
            ...(slewPpm === undefined ? {} : { slewPpm }),
            offsetMs,
            driftPpm,
          });
          break;
        }
        case 'complete':
          this.host.complete(node.id, effect.op, effect.result, effect.value);
          break;
        default:
          effect satisfies never;
      }
    }
  }

  private must(id: NodeId): MutableNode {
    const node = this.map.get(id);
    if (!node) throw new Error(`unknown node "${id}"`);
    return node;
  }
}
