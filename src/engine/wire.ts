import { Network, type NetworkState } from './network';
import { Rng, type RngState } from './rng';
import type { InFlight, QueueEvent } from './runtime';
import type { HeldMessage } from './stall';
import type { DropReason, LinkModel, NodeId, Payload, TraceRecord, VirtualMs } from './types';

/** What the wire needs from the simulation around it. */
export interface WireHost {
  readonly nowMs: VirtualMs;
  record(record: TraceRecord): void;
  /** Schedules a delivery in the simulation's own phase, after everything already due then. */
  schedule(atMs: VirtualMs, event: QueueEvent): void;
  hasNode(id: NodeId): boolean;
  isUp(id: NodeId): boolean;
  /** A stalled receiver holds a message that reaches it (spec/protocols.md §1.3): true when it did. */
  holdIfStalled(message: InFlight): boolean;
  readonly stats: { sent: number; delivered: number; dropped: number };
}

export interface WireState {
  readonly network: NetworkState;
  readonly rng: RngState;
  readonly inFlight: readonly InFlight[];
  readonly messageSeq: number;
}

/**
 * The messages on the wire: what the network does to each one when it is sent (latency, loss,
 * duplication, a partition) and when it would arrive (a partition or a crash since). Every message
 * gets an id, a sequence number stable for a scenario, which `drop` and `duplicate` inputs name.
 */
export class Wire {
  network: Network;
  private rng: Rng;
  private readonly inFlight = new Map<number, InFlight>();
  private messageSeq = 0;

  constructor(
    private readonly host: WireHost,
    model: LinkModel,
    rng: Rng,
  ) {
    this.network = Network.initial(model);
    this.rng = rng;
  }

  messages(): readonly InFlight[] {
    return [...this.inFlight.values()];
  }

  message(id: number): InFlight | undefined {
    return this.inFlight.get(id);
  }

  send(from: NodeId, to: NodeId, message: Payload): void {
    if (!this.host.hasNode(to)) throw new Error(`${from} sent ${message.type} to unknown node "${to}"`);
    const now = this.host.nowMs;
    if (!this.network.canCarry(from, to)) {
      const id = ++this.messageSeq;
      this.host.stats.sent++;
      this.host.record({ t: now, kind: 'send', id, from, to, type: message.type, message });
      this.drop({ id, from, to, message }, 'partition');
      return;
    }
    const route = this.network.route(from, to, now, this.rng);
    if (route.deliverAtMs === undefined) {
      // Lost: it travels part of the way and vanishes, so the picture can show where it was lost.
      const [lo, hi] = this.network.linkModel(from, to).latencyMs;
      this.launch(from, to, message, now + Math.max(1, Math.floor((lo + hi) / 4)), true);
      return;
    }
    const original = this.launch(from, to, message, route.deliverAtMs, false);
    if (route.duplicateAtMs !== undefined) this.launch(from, to, message, route.duplicateAtMs, false, original.id);
  }

  /**
   * A message's arrival time has come: the message if it reaches its node now, or undefined when it
   * was lost, cut off by a partition since it was sent, or its node is down (each recorded as a drop).
   */
  arrive(message: InFlight): InFlight | 'stale' | undefined {
    if (this.inFlight.get(message.id) !== message) return 'stale'; // dropped by the user meanwhile
    this.inFlight.delete(message.id);
    const reason = message.isLost
      ? 'loss'
      : !this.network.canCarry(message.from, message.to)
        ? 'partition'
        : !this.host.isUp(message.to)
          ? 'crashed'
          : null;
    if (reason !== null) {
      this.drop(message, reason);
      return undefined;
    }
    if (this.host.holdIfStalled(message)) return undefined;
    this.host.stats.delivered++;
    const { id, from, to } = message;
    this.host.record({ t: this.host.nowMs, kind: 'deliver', id, from, to, type: message.message.type });
    return message;
  }

  /** §1.3: a message a stalled node held is handed now: its `deliver` record says when it arrived. */
  handHeld(message: HeldMessage, arrivedAt: VirtualMs): void {
    this.host.stats.delivered++;
    const { id, from, to } = message;
    const type = message.message.type;
    this.host.record({ t: this.host.nowMs, kind: 'deliver', id, from, to, type, arrivedAt });
  }

  /** §1.3: a message a stalled node held is dropped because the node crashed. */
  dropHeld(message: HeldMessage): void {
    this.drop(message, 'crashed');
  }

  dropByUser(id: number): boolean {
    const message = this.inFlight.get(id);
    if (!message || message.isLost) return false;
    this.inFlight.delete(id);
    this.drop(message, 'user');
    return true;
  }

  /** Sends a second copy of a message in flight, with a fresh delay. */
  duplicateByUser(id: number): boolean {
    const message = this.inFlight.get(id);
    if (!message || message.isLost) return false;
    const delay = this.network.delay(message.from, message.to, this.rng);
    this.launch(message.from, message.to, message.message, this.host.nowMs + delay, false, message.id);
    return true;
  }

  state(): WireState {
    return {
      network: this.network.state(),
      rng: this.rng.state(),
      inFlight: [...this.inFlight.values()],
      messageSeq: this.messageSeq,
    };
  }

  restore(s: WireState): void {
    this.network = new Network(s.network);
    this.rng = Rng.fromState(s.rng);
    this.inFlight.clear();
    for (const m of s.inFlight) this.inFlight.set(m.id, m);
    this.messageSeq = s.messageSeq;
  }

  private drop(message: HeldMessage, reason: DropReason): void {
    this.host.stats.dropped++;
    const { id, from, to } = message;
    this.host.record({ t: this.host.nowMs, kind: 'drop', id, from, to, type: message.message.type, reason });
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
    const now = this.host.nowMs;
    const type = message.type;
    // Plain literals, not spreads: this runs for every message of a run.
    let flight: InFlight;
    if (duplicateOf === undefined) {
      flight = { id, from, to, message, sentAtMs: now, deliverAtMs: atMs, isLost };
      this.host.record(
        isLost
          ? { t: now, kind: 'send', id, from, to, type, lostAt: atMs, message }
          : { t: now, kind: 'send', id, from, to, type, deliverAt: atMs, message },
      );
    } else {
      flight = { id, from, to, message, sentAtMs: now, deliverAtMs: atMs, isLost, duplicateOf };
      this.host.record({ t: now, kind: 'send', id, from, to, type, deliverAt: atMs, message, duplicateOf });
    }
    this.inFlight.set(id, flight);
    this.host.stats.sent++;
    this.host.schedule(atMs, { kind: 'arrive', message: flight });
    return flight;
  }
}
