import { withClients } from './clientNodes';
import { ClientOps, type ClientOpsHost } from './clientOps';
import type { OpResult } from './clients';
import type { ClockChange } from './clock';
import { InputLog } from './inputLog';
import { applyInput } from './inputs/apply';
import type { InputBase, InputRecord, InputsHost } from './inputs/kind';
import { Journal } from './journal';
import { own } from './kit/dict';
import type { Network } from './network';
import { Nodes } from './nodes';
import { Observer } from './observer';
import type { AnyProtocol, NodeStatus, World } from './protocol';
import { Rng } from './rng';
import type { InFlight, MutableNode, NodeRuntime, QueueEvent, RunSpec, Stats } from './runtime';
import { Scheduler } from './scheduler';
import { FILE_SELECTOR, fileSelected } from './selectors';
import { DEFAULT_SAMPLE_MS, SeriesSampler } from './series';
import { SETTLE_MS, type Unchecked, uncheckedInvariants, unsettledReason } from './settle';
import type { SimSnapshot } from './snapshot';
import type { HeldMessage } from './stall';
import { type ClusterShape, clusterShape, linkTest } from './topology';
import type {
  EventLike,
  Input,
  InputType,
  NodeId,
  NodeRef,
  NodeView,
  Payload,
  Skipped,
  TraceRecord,
  Violation,
  VirtualMs,
} from './types';
import { Wire, type WireHost } from './wire';

export type { InFlight, NodeRuntime, PendingTimer, RunSpec, Stats } from './runtime';
export type { SimSnapshot } from './snapshot';

/** The queue's sequence numbers of generated inputs start here, past any index of the input log. */
const GENERATED_SEQ = 2 ** 40;

/**
 * A deterministic run: a scheduler of timed events, the wire, and one XState machine per node, all
 * driven by one seed. `step()` processes one event; `runUntil(t)` processes every event up to t;
 * `apply(input)` adds a user's action. After every event that changes a node, the protocol's monitor
 * checks its invariants.
 */
export class Simulation implements WireHost, InputsHost, ClientOpsHost {
  readonly protocol: AnyProtocol;
  readonly spec: RunSpec;
  private readonly journal = new Journal();
  /** Everything that happened in this run, as far as it has been computed (journal.ts: the known future). */
  readonly trace: TraceRecord[] = this.journal.trace;
  readonly violations: Violation[] = this.journal.violations;
  readonly skipped: Skipped[] = this.journal.skipped;
  /** Counters, updated in place by the simulation and the wire; read them through `counters`. */
  readonly stats = { events: 0, sent: 0, delivered: 0, dropped: 0 };
  private clock: VirtualMs = 0;
  /** After `settle()`: why the end-of-run check was not made (the run had not settled), or null. */
  unsettled: string | null = null;
  /** After `settle()`: the eventual invariants not judged, each with its reason (§1.8). */
  unchecked: readonly Unchecked[] = [];
  /** How many queue entries have been processed: the position of the run, finer than time. */
  private stepCount = 0;
  private readonly queue = new Scheduler<QueueEvent>();
  private readonly log = new InputLog(this.queue);
  private seq = 0;
  private readonly wire: Wire;
  private readonly nodes: Nodes;
  private readonly observer: Observer;
  /** Each node's kind, the links that exist and the layout hint (topology.ts). */
  readonly shape: ClusterShape;
  private readonly isLinked: (from: NodeId, to: NodeId) => boolean;
  /** §1.5: the clients' operations (queues, open ops, op ids). */
  readonly clientOps: ClientOps;
  /** Every node: the servers, then the clients. */
  private readonly allNodes: readonly NodeId[];
  /** §1.8: the protocol's series, sampled as the run goes (never in the trace); null when it declares none. */
  readonly series: SeriesSampler | null;

  constructor(spec: RunSpec) {
    this.spec = spec;
    this.protocol = spec.protocol;
    const clients = spec.clients ?? [];
    if (clients.length > 0 && !spec.protocol.clientMachine) {
      throw new Error(`clients: ${spec.protocol.id} has no client machine`);
    }
    this.allNodes = clients.length === 0 ? spec.nodes : [...spec.nodes, ...clients];
    this.clientOps = new ClientOps(this, clients, spec.protocol.clientConcurrency ?? 1);
    const root = Rng.fromSeed(spec.seed);
    this.wire = new Wire(this, spec.network, root.fork(0));
    const declaration = withClients(spec.protocol, spec.nodes, clients);
    this.shape = clusterShape(declaration, this.allNodes, spec.config);
    this.isLinked = linkTest(this.shape);
    this.nodes = new Nodes(this, spec, this.shape, declaration);
    // Clients take the streams after the servers' (fork n+1, ...): a server's stream is the one it always had.
    this.allNodes.forEach((id, index) => {
      // Own keys only: a node called `constructor` without an initial state must not start from Object's.
      this.nodes.start(id, own(spec.initial, id), root.fork(index + 1));
    });
    this.observer = new Observer(this, this.protocol);
    for (const node of this.nodes.values()) this.observer.recordState(node, true);
    // Sorting (stably) up front changes nothing in the run and keeps the inputs in time order.
    for (const input of [...spec.inputs].sort((a, b) => a.at - b.at)) this.log.push(input);
    // Generated inputs sort after every input at the same time (file events first, §1.5): their seq is past any index.
    (spec.generated ?? []).forEach((input, j) => {
      this.queue.push({ atMs: input.at, phase: 1, seq: GENERATED_SEQ + j, event: { kind: 'generated', input } });
    });
    const declared = spec.protocol.series ?? [];
    this.series =
      declared.length > 0
        ? new SeriesSampler(declared, spec.sampleMs ?? DEFAULT_SAMPLE_MS, () => this.world(), this.localNow)
        : null;
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
    return this.journal.position;
  }

  get traceHash(): string {
    return this.journal.traceHash;
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

  /** Every node of the run: the servers, then the clients (§1.5). */
  nodeIds(): readonly NodeId[] {
    return this.allNodes;
  }

  /** §1.5: whether `id` is one of the run's clients. */
  isClient(id: NodeId): boolean {
    return this.clientOps.isClient(id);
  }

  /** A copy of one node's runtime (for inspection; `isUp` and `view` are cheaper for hot paths). */
  node(id: NodeId): NodeRuntime | undefined {
    const node = this.nodes.get(id);
    return node && { ...node, rng: node.rng.state() };
  }

  hasNode(id: NodeId): boolean {
    return this.nodes.get(id) !== undefined;
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
    const hasMembership = this.protocol.membership === true;
    for (const n of this.nodes.values()) {
      const status: NodeStatus = { id: n.id, kind: n.kind, isUp: n.isUp, context: n.snapshot.context, view: n.view };
      // §1.6, §1.7: the marks are there only where they apply (a plain literal on the hot path otherwise).
      nodes.push(
        n.byzantine === null && !hasMembership
          ? status
          : {
              ...status,
              ...(n.byzantine === null ? {} : { byzantine: n.byzantine }),
              ...(hasMembership ? { member: n.member } : {}),
            },
      );
    }
    return { nowMs: this.clock, nodes };
  }

  /** The time of the next pending event, if any. */
  nextEventAt(): VirtualMs | undefined {
    return this.queue.peek()?.atMs;
  }

  // ---- running -----------------------------------------------------------------------------

  /** Processes the next event; false when nothing is left. */
  step(): boolean {
    // Every sample due before this event sees the state after all events before it (series.ts).
    if (this.series) {
      const upcoming = this.queue.peek();
      if (upcoming) this.series.before(upcoming.atMs);
    }
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
        this.nodes.fireTimer(event.node, event.id, event.token);
        break;
      case 'input':
      case 'generated':
        applyInput(this, event.input);
        break;
      case 'stallEnd':
        this.nodes.endStall(event.node, event.untilMs);
        break;
      case 'invoke':
        this.clientOps.pump(event.client);
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
    this.series?.through(t);
  }

  /**
   * Adds a user's input. It applies at `input.at`, which must not be in the past: an input at the
   * current time applies after everything the run already did at that time, exactly as it will when
   * the scenario with this input is replayed from the start.
   */
  apply(input: Input): void {
    if (input.at < this.clock) throw new Error(`input at ${input.at} ms is before the current time ${this.clock} ms`);
    this.journal.forgetFuture();
    this.series?.forgetFrom(this.clock);
    this.log.insert(input);
  }

  /** Forgets every input after time `t` (a branch keeps the past and drops the old future). */
  dropInputsAfter(t: VirtualMs): void {
    this.journal.forgetFuture();
    this.series?.forgetFrom(Math.min(t, this.clock));
    this.log.dropAfter(t);
  }

  schedule(atMs: VirtualMs, event: QueueEvent): void {
    this.queue.push({ atMs, phase: 0, seq: this.seq++, event });
  }

  // ---- used by the inputs (InputsHost) and the wire ----------------------------------------

  /** Inputs write their records through the same door (an input's `fault` type is always a kind of the table). */
  record(record: TraceRecord | InputRecord): void {
    this.journal.record(record as TraceRecord);
  }

  skip(input: InputBase, reason: string): void {
    this.journal.skip(this.clock, input.at, input.type as InputType, reason);
  }

  resolve(input: InputBase, ref: NodeRef): NodeId | null {
    if (ref === FILE_SELECTOR) {
      // §1.5 (Part 1): "leader" never resolves to a client.
      const found = fileSelected(this.protocol, this.world());
      const node = found !== null && this.isClient(found) ? null : found;
      if (node === null) this.skip(input, 'no leader');
      return node;
    }
    if (!this.hasNode(ref)) {
      this.skip(input, `unknown node "${ref}"`);
      return null;
    }
    return ref;
  }

  entryPoint(): NodeId | null {
    return this.protocol.entryPoint(this.world());
  }

  hasTimer(id: NodeId): boolean {
    return (this.nodes.get(id)?.timers.size ?? 0) > 0;
  }

  countEvent(): void {
    this.stats.events++;
  }

  crash(id: NodeId): void {
    this.nodes.crash(id);
    if (this.isClient(id)) this.clientOps.crashed(id);
  }

  /** §1.5: a request with a `client` (the client is up): invoked now, or queued behind the client's open ops. */
  requestOp(
    client: NodeId,
    request: { readonly at: VirtualMs; readonly command: string; readonly node?: NodeId },
  ): void {
    this.clientOps.request(client, request);
  }

  complete(node: NodeId, op: number, result: OpResult, value: number | string | null): void {
    this.clientOps.complete(node, op, result, value);
  }

  // Stalls and clocks (stall.ts, clock.ts; spec/protocols.md §1.3, §1.4): the nodes own them.
  isStalled = (id: NodeId): boolean => this.nodes.isStalled(id);
  stall = (id: NodeId, durationMs: number): void => this.nodes.stall(id, durationMs);
  setClock = (id: NodeId, change: ClockChange): void => this.nodes.setClock(id, change);
  localNow = (id: NodeId): VirtualMs => this.nodes.localNow(id);
  holdIfStalled = (message: InFlight): boolean => this.nodes.holdMessage(message);
  handedHeld = (message: HeldMessage, arrivedAt: VirtualMs): void => this.wire.handHeld(message, arrivedAt);
  droppedHeld = (message: HeldMessage): void => this.wire.dropHeld(message);

  restart(id: NodeId): void {
    this.nodes.restart(id);
  }

  byzantineOf(id: NodeId): string | null {
    return this.nodes.get(id)?.byzantine ?? null;
  }

  setByzantine(id: NodeId, mode: string): void {
    this.nodes.setByzantine(id, mode);
  }

  isMember(id: NodeId): boolean {
    return this.nodes.get(id)?.member === true;
  }

  setMember(id: NodeId, member: boolean): void {
    this.nodes.setMember(id, member);
  }

  /** §1.7: a protocol with membership but no `membershipEntry` hands each change to the node itself. */
  membershipEntry(kind: 'join' | 'leave', node: NodeId): NodeId | null {
    return this.protocol.membershipEntry ? this.protocol.membershipEntry(this.world(), kind, node) : node;
  }

  /** Delivers a payload to a live node (client requests; messages and timers come through the loop). */
  deliverTo(id: NodeId, payload: Payload | EventLike, from?: NodeId): void {
    this.nodes.deliver(id, payload, from);
  }

  fireEarliestTimer(id: NodeId): boolean {
    return this.nodes.fireEarliestTimer(id);
  }

  send(from: NodeId, to: NodeId, message: Payload): void {
    // A send over a link the protocol's topology does not have is the protocol's bug, not a network fault.
    if (!this.isLinked(from, to) && this.hasNode(to)) {
      throw new Error(`${from} sent ${message.type} to ${to}, but the topology has no link from ${from} to ${to}`);
    }
    // §1.6: a `silent` Byzantine node says nothing; the engine drops each of its sends (reason `silent`).
    if (this.nodes.get(from)?.byzantine === 'silent') this.wire.silence(from, to, message);
    else this.wire.send(from, to, message);
  }

  changed(node: MutableNode): void {
    this.observer.afterChange(node);
  }

  restarted(node: MutableNode): void {
    this.observer.recordState(node, false);
    this.observer.check(node.id);
  }

  dropByUser(id: number): boolean {
    return this.wire.dropByUser(id);
  }

  duplicateByUser(id: number): boolean {
    return this.wire.duplicateByUser(id);
  }

  /**
   * The end of a run: the protocol's end-of-run check (`Monitor.settled`), once, for the eventual invariants that
   * can be judged (settle.ts, spec/protocols.md §1.8); `unchecked` names the others and why, `unsettled` says why
   * the run as a whole had not settled, or null. Findings become violations at the current time, each reported
   * once; they write no trace record.
   */
  settle(): readonly Violation[] {
    if (!this.protocol.monitor.settled) return [];
    const input = {
      nowMs: this.clock,
      network: this.network.state(),
      // §1.3, §1.8: a node still in a process pause leaves the run unsettled.
      nodes: this.world().nodes.map((n) => ({ ...n, isStalled: this.isStalled(n.id) })),
      trace: this.trace,
      traceLength: this.traceLength,
    };
    const settleMs = this.protocol.settleMs ?? SETTLE_MS;
    this.unsettled = unsettledReason(input, settleMs);
    this.unchecked = uncheckedInvariants(this.protocol.invariants, input, settleMs);
    if (this.unsettled === null) return this.observer.settle();
    const skipped = new Set(this.unchecked.map((u) => u.invariant));
    const judged = this.protocol.invariants.filter((i) => i.eventual && i.downOk && !skipped.has(i.id));
    if (judged.length === 0) return [];
    // Only downOk invariants can be judged with nodes down: the others' findings are not made.
    const ids = new Set(judged.map((i) => i.id));
    return this.observer.settle((invariant) => ids.has(invariant));
  }

  skipRequest(at: VirtualMs, reason: string): void {
    this.journal.skip(this.clock, at, 'request', reason);
  }

  schedulePump(client: NodeId): void {
    this.schedule(this.clock, { kind: 'invoke', client });
  }

  // ---- snapshots ---------------------------------------------------------------------------

  snapshot(): SimSnapshot {
    return {
      nowMs: this.clock,
      steps: this.stepCount,
      queue: this.queue.entries(),
      seq: this.seq,
      inputs: this.log.copy(),
      wire: this.wire.state(),
      nodes: this.nodes.state(),
      observer: this.observer.state(),
      clients: this.clientOps.state(),
      ...this.journal.state(),
      stats: { ...this.stats },
    };
  }

  /**
   * Puts the simulation back (or forward, within what was computed) to a snapshot it took earlier on
   * this run. Inputs added since stay scheduled if they had not applied at the snapshot.
   */
  restore(s: SimSnapshot): void {
    this.journal.restore(s);
    this.clock = s.nowMs;
    this.stepCount = s.steps;
    this.log.restoreQueue(s.queue, s.inputs);
    this.seq = s.seq;
    this.wire.restore(s.wire);
    this.nodes.restore(s.nodes);
    this.observer.restore(s.observer);
    this.clientOps.restore(s.clients);
    Object.assign(this.stats, s.stats);
  }
}
