import type { ClientOps, ClientOpsHost } from './clientOps';
import type { OpResult } from './clients';
import type { ClockChange } from './clock';
import type { InputBase, InputRecord, InputsHost } from './inputs/kind';
import type { Journal } from './journal';
import type { Network } from './network';
import type { Nodes, NodesHost } from './nodes';
import type { Observer, ObserverHost } from './observer';
import type { AnyProtocol, World } from './protocol';
import type { InFlight, MutableNode, QueueEvent } from './runtime';
import { FILE_SELECTOR, fileSelected } from './selectors';
import type { HeldMessage } from './stall';
import type { EventLike, InputType, NodeId, NodeRef, Payload, TraceRecord, Violation, VirtualMs } from './types';
import type { Wire, WireHost } from './wire';

/** What the host reads of the simulation it serves: its clock, its counters, its queue and its world. */
export interface HostedRun {
  readonly nowMs: VirtualMs;
  readonly protocol: AnyProtocol;
  readonly stats: { events: number; sent: number; delivered: number; dropped: number };
  readonly violations: Violation[];
  schedule(atMs: VirtualMs, event: QueueEvent): void;
  world(): World;
  hasNode(id: NodeId): boolean;
  isUp(id: NodeId): boolean;
  isClient(id: NodeId): boolean;
}

/**
 * The door between a simulation's parts: the wire, the nodes, the observer, the clients' operations and
 * the inputs each talk to the run through it (their `...Host` interfaces), and it passes each call on to
 * the part that owns the answer. The simulation itself keeps the loop, the public reading side and the
 * snapshots; the parts are attached here as the simulation builds them, before any of them is called.
 */
export class SimHost implements WireHost, InputsHost, ClientOpsHost, NodesHost, ObserverHost {
  wire!: Wire;
  nodes!: Nodes;
  observer!: Observer;
  clientOps!: ClientOps;

  constructor(
    private readonly run: HostedRun,
    private readonly journal: Journal,
    /** Whether the protocol's topology has a link from `from` to `to`. */
    private readonly isLinked: (from: NodeId, to: NodeId) => boolean,
  ) {}

  get nowMs(): VirtualMs {
    return this.run.nowMs;
  }

  get protocol(): AnyProtocol {
    return this.run.protocol;
  }

  get stats(): HostedRun['stats'] {
    return this.run.stats;
  }

  get violations(): Violation[] {
    return this.run.violations;
  }

  get network(): Network {
    return this.wire.network;
  }

  world(): World {
    return this.run.world();
  }

  hasNode(id: NodeId): boolean {
    return this.run.hasNode(id);
  }

  isUp(id: NodeId): boolean {
    return this.run.isUp(id);
  }

  isClient(id: NodeId): boolean {
    return this.run.isClient(id);
  }

  schedule(atMs: VirtualMs, event: QueueEvent): void {
    this.run.schedule(atMs, event);
  }

  // ---- the trace ----

  /** Inputs write their records through the same door (an input's `fault` type is always a kind of the table). */
  record(record: TraceRecord | InputRecord): void {
    this.journal.record(record as TraceRecord);
  }

  skip(input: InputBase, reason: string): void {
    this.journal.skip(this.nowMs, input.at, input.type as InputType, reason);
  }

  skipRequest(at: VirtualMs, reason: string): void {
    this.journal.skip(this.nowMs, at, 'request', reason);
  }

  countEvent(): void {
    this.run.stats.events++;
  }

  // ---- nodes ----

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

  crash(id: NodeId): void {
    this.nodes.crash(id);
    if (this.isClient(id)) this.clientOps.crashed(id);
  }

  restart(id: NodeId): void {
    this.nodes.restart(id);
  }

  /** Delivers a payload to a live node (client requests; messages and timers come through the loop). */
  deliverTo(id: NodeId, payload: Payload | EventLike, from?: NodeId): void {
    this.nodes.deliver(id, payload, from);
  }

  fireEarliestTimer(id: NodeId): boolean {
    return this.nodes.fireEarliestTimer(id);
  }

  changed(node: MutableNode): void {
    this.observer.afterChange(node);
  }

  restarted(node: MutableNode): void {
    this.observer.recordState(node, false);
    this.observer.check(node.id);
  }

  // Stalls and clocks (stall.ts, clock.ts; spec/protocols.md §1.3, §1.4): the nodes own them.
  isStalled(id: NodeId): boolean {
    return this.nodes.isStalled(id);
  }

  stall(id: NodeId, durationMs: number): void {
    this.nodes.stall(id, durationMs);
  }

  setClock(id: NodeId, change: ClockChange): void {
    this.nodes.setClock(id, change);
  }

  holdIfStalled(message: InFlight): boolean {
    return this.nodes.holdMessage(message);
  }

  handedHeld(message: HeldMessage, arrivedAt: VirtualMs): void {
    this.wire.handHeld(message, arrivedAt);
  }

  droppedHeld(message: HeldMessage): void {
    this.wire.dropHeld(message);
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

  // ---- clients (§1.5) ----

  /** A request with a `client` (the client is up): invoked now, or queued behind the client's open ops. */
  requestOp(
    client: NodeId,
    request: { readonly at: VirtualMs; readonly command: string; readonly node?: NodeId },
  ): void {
    this.clientOps.request(client, request);
  }

  complete(node: NodeId, op: number, result: OpResult, value: number | string | null): void {
    this.clientOps.complete(node, op, result, value);
  }

  schedulePump(client: NodeId): void {
    this.schedule(this.nowMs, { kind: 'invoke', client });
  }

  // ---- the wire ----

  send(from: NodeId, to: NodeId, message: Payload): void {
    // A send over a link the protocol's topology does not have is the protocol's bug, not a network fault.
    if (!this.isLinked(from, to) && this.hasNode(to)) {
      throw new Error(`${from} sent ${message.type} to ${to}, but the topology has no link from ${from} to ${to}`);
    }
    // §1.6: a `silent` Byzantine node says nothing; the engine drops each of its sends (reason `silent`).
    if (this.nodes.get(from)?.byzantine === 'silent') this.wire.silence(from, to, message);
    else this.wire.send(from, to, message);
  }

  dropByUser(id: number): boolean {
    return this.wire.dropByUser(id);
  }

  duplicateByUser(id: number): boolean {
    return this.wire.duplicateByUser(id);
  }
}
