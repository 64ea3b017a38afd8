import { withClients } from './clientNodes';
import { ClientOps } from './clientOps';
import { InputLog } from './inputLog';
import { applyInput } from './inputs/apply';
import { Journal } from './journal';
import { own } from './kit/dict';
import type { Network } from './network';
import { Nodes } from './nodes';
import { Observer } from './observer';
import type { AnyProtocol, World } from './protocol';
import { Rng } from './rng';
import type { InFlight, NodeRuntime, QueueEvent, RunSpec, Stats } from './runtime';
import { Scheduler } from './scheduler';
import { DEFAULT_SAMPLE_MS, SeriesSampler } from './series';
import { settleRun, type Unchecked } from './settle';
import { type HostedRun, SimHost } from './simHost';
import type { SimSnapshot } from './snapshot';
import { type ClusterShape, clusterShape, linkTest } from './topology';
import type { Input, NodeId, NodeView, Skipped, TraceRecord, Violation, VirtualMs } from './types';
import { Wire } from './wire';
import { worldOf } from './worldOf';

export type { InFlight, NodeRuntime, PendingTimer, RunSpec, Stats } from './runtime';
export type { SimSnapshot } from './snapshot';

/**
 * A deterministic run: a scheduler of timed events, the wire, and one XState machine per node, all
 * driven by one seed. `step()` processes one event; `runUntil(t)` processes every event up to t;
 * `apply(input)` adds a user's action. After every event that changes a node, the protocol's monitor
 * checks its invariants.
 */
export class Simulation implements HostedRun {
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
  /** §1.5: the clients' operations (queues, open ops, op ids). */
  readonly clientOps: ClientOps;
  private readonly host: SimHost;
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
    const declaration = withClients(spec.protocol, spec.nodes, clients);
    this.shape = clusterShape(declaration, this.allNodes, spec.config);
    // The parts talk to the run through one host (simHost.ts), attached to each part as it is built.
    const host = new SimHost(this, this.journal, linkTest(this.shape));
    this.clientOps = host.clientOps = new ClientOps(host, clients, spec.protocol.clientConcurrency ?? 1);
    const root = Rng.fromSeed(spec.seed);
    this.wire = host.wire = new Wire(host, spec.network, root.fork(0));
    this.nodes = host.nodes = new Nodes(host, spec, this.shape, declaration);
    // Clients take the streams after the servers' (fork n+1, ...): a server's stream is the one it always had.
    this.allNodes.forEach((id, index) => {
      // Own keys only: a node called `constructor` without an initial state must not start from Object's.
      this.nodes.start(id, own(spec.initial, id), root.fork(index + 1));
    });
    this.observer = host.observer = new Observer(host, this.protocol);
    for (const node of this.nodes.values()) this.observer.recordState(node, true);
    this.host = host;
    // Sorting (stably) up front changes nothing in the run and keeps the inputs in time order.
    for (const input of [...spec.inputs].sort((a, b) => a.at - b.at)) this.log.push(input);
    this.log.generate(spec.generated ?? []);
    const declared = spec.protocol.series ?? [];
    this.series =
      declared.length > 0
        ? new SeriesSampler(
            declared,
            spec.sampleMs ?? DEFAULT_SAMPLE_MS,
            () => this.world(),
            this.localNow,
            () => this.wire.messages(),
          )
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
    return worldOf(this.clock, this.nodes.values(), this.protocol.membership === true);
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
        if (message !== 'stale' && message !== undefined) this.nodes.deliver(message.to, message.message, message.from);
        break;
      }
      case 'timer':
        this.nodes.fireTimer(event.node, event.id, event.token);
        break;
      case 'input':
      case 'generated':
        applyInput(this.host, event.input);
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

  // ---- what external readers ask of the nodes ----------------------------------------------

  /** §1.4: the node's own clock reading now. */
  localNow = (id: NodeId): VirtualMs => this.nodes.localNow(id);

  /** §1.3: whether the node is in a process pause. */
  isStalled(id: NodeId): boolean {
    return this.nodes.isStalled(id);
  }

  /**
   * The end of a run: the protocol's end-of-run check (`Monitor.settled`), once, for the eventual invariants that
   * can be judged (settle.ts, spec/protocols.md §1.8); `unchecked` names the others and why, `unsettled` says why
   * the run as a whole had not settled, or null. Findings become violations at the current time, each reported
   * once; they write no trace record.
   */
  settle(): readonly Violation[] {
    if (!this.protocol.monitor.settled) return [];
    // §1.3, §1.8: a node still in a process pause leaves the run unsettled.
    const nodes = this.world().nodes.map((n) => ({ ...n, isStalled: this.isStalled(n.id) }));
    const input = {
      nowMs: this.clock,
      network: this.network.state(),
      nodes,
      trace: this.trace,
      traceLength: this.traceLength,
    };
    const { unsettled, unchecked, violations } = settleRun(this.protocol, input, (judged) =>
      this.observer.settle(judged),
    );
    this.unsettled = unsettled;
    this.unchecked = unchecked;
    return violations;
  }

  // ---- snapshots ---------------------------------------------------------------------------

  snapshot(): SimSnapshot {
    const { queue, inputsFrom, generatedFrom } = this.log.pendingQueue();
    return {
      nowMs: this.clock,
      steps: this.stepCount,
      queue,
      inputsFrom,
      generatedFrom,
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
    this.log.restoreQueue(s.queue, s.inputs, s.inputsFrom, s.generatedFrom);
    this.seq = s.seq;
    this.wire.restore(s.wire);
    this.nodes.restore(s.nodes);
    this.observer.restore(s.observer);
    this.clientOps.restore(s.clients);
    Object.assign(this.stats, s.stats);
  }
}
