import type { InvokeEvent, OpResult } from './clients';
import type { NodeId, TraceRecord, VirtualMs } from './types';

/**
 * The operations of a run's clients (spec/protocols.md §1.5): each client's FIFO queue of requests, the
 * operations open at each client, and the op ids. The engine invokes an operation by handing the client's
 * machine `{ type: 'invoke', op, command, node? }` and records `invoke`; the machine's `complete` effect
 * closes it and records `complete`. Plain data throughout, so a snapshot copies it and a rewind restores it.
 */

/** A request waiting in its client's queue: invoked, in order, when the client has a free slot. */
export interface QueuedRequest {
  /** The time the scenario's request applied (for the skip record when the client crashes first). */
  readonly at: VirtualMs;
  readonly command: string;
  readonly node?: NodeId;
}

export interface ClientOpsState {
  /** The id of the last operation invoked (0 before any). */
  readonly lastOp: number;
  /** The open operations: op id -> client and command, in invoke order. */
  readonly open: readonly (readonly [number, OpenOp])[];
  /** Each client's queued requests, oldest first. */
  readonly queues: readonly (readonly [NodeId, readonly QueuedRequest[]])[];
}

export interface OpenOp {
  readonly client: NodeId;
  readonly command: string;
  readonly invokeAt: VirtualMs;
}

/** What the operations need of the simulation around them. */
export interface ClientOpsHost {
  readonly nowMs: VirtualMs;
  record(record: TraceRecord): void;
  /** Writes a skip of a `request` input that applied at `at`. */
  skipRequest(at: VirtualMs, reason: string): void;
  /** Hands the client's machine its invocation (with `at`, `localAt` and `entropy`, like every event). */
  deliverTo(id: NodeId, payload: InvokeEvent): void;
  /** Asks for `pump(client)` later at the current time (never from inside a machine's step). */
  schedulePump(client: NodeId): void;
}

export class ClientOps {
  private lastOp = 0;
  private open = new Map<number, OpenOp>();
  private queues = new Map<NodeId, QueuedRequest[]>();
  private readonly clientSet: ReadonlySet<NodeId>;

  constructor(
    private readonly host: ClientOpsHost,
    readonly clients: readonly NodeId[],
    /** §1.5: at most this many open operations per client [1] (Jepsen's single-threaded process). */
    private readonly concurrency: number,
  ) {
    this.clientSet = new Set(clients);
  }

  isClient(id: NodeId): boolean {
    return this.clientSet.has(id);
  }

  /** The operations open at `client`, in invoke order (for the client's card). */
  openOf(client: NodeId): readonly (OpenOp & { readonly op: number })[] {
    const ops: (OpenOp & { op: number })[] = [];
    for (const [op, open] of this.open) if (open.client === client) ops.push({ op, ...open });
    return ops;
  }

  /** How many requests wait in `client`'s queue. */
  queuedOf(client: NodeId): number {
    return this.queues.get(client)?.length ?? 0;
  }

  /** A request for an up client: invoked now when it has a free slot, else queued (FIFO, §1.5). */
  request(client: NodeId, request: QueuedRequest): void {
    const queue = this.queues.get(client) ?? [];
    if (queue.length === 0 && this.openCount(client) < this.concurrency) {
      this.invoke(client, request);
      return;
    }
    this.queues.set(client, [...queue, request]);
  }

  /** Invokes queued requests while `client` has free slots (after a completion). */
  pump(client: NodeId): void {
    let queue = this.queues.get(client);
    while (queue && queue.length > 0 && this.openCount(client) < this.concurrency) {
      const [next, ...rest] = queue as [QueuedRequest, ...QueuedRequest[]];
      queue = rest;
      if (rest.length === 0) this.queues.delete(client);
      else this.queues.set(client, rest);
      this.invoke(client, next);
    }
  }

  /**
   * The client's machine completed `op` (kit `complete`). Exactly once per op, by the client that runs it:
   * anything else is the protocol's bug, so it throws (§1.5).
   */
  complete(client: NodeId, op: number, result: OpResult, value: number | string | null): void {
    const open = this.open.get(op);
    if (!open) throw new Error(`${client} completed op ${op}, which is not open (unknown, or completed already)`);
    if (open.client !== client) throw new Error(`${client} completed op ${op}, which ${open.client} runs`);
    this.open.delete(op);
    this.host.record({ t: this.host.nowMs, kind: 'complete', op, client, result, value });
    if (this.queuedOf(client) > 0) this.host.schedulePump(client);
  }

  /** §1.5: a client crash completes its open operations `info` and skips its queued requests. */
  crashed(client: NodeId): void {
    const t = this.host.nowMs;
    for (const { op } of this.openOf(client)) {
      this.open.delete(op);
      this.host.record({ t, kind: 'complete', op, client, result: 'info', value: null });
    }
    const queue = this.queues.get(client) ?? [];
    this.queues.delete(client);
    for (const request of queue) this.host.skipRequest(request.at, `${client} crashed before invoking`);
  }

  state(): ClientOpsState {
    return { lastOp: this.lastOp, open: [...this.open], queues: [...this.queues] };
  }

  restore(s: ClientOpsState): void {
    this.lastOp = s.lastOp;
    this.open = new Map(s.open);
    this.queues = new Map(s.queues.map(([client, queue]) => [client, [...queue]]));
  }

  private openCount(client: NodeId): number {
    let n = 0;
    for (const open of this.open.values()) if (open.client === client) n++;
    return n;
  }

  private invoke(client: NodeId, request: QueuedRequest): void {
    const op = ++this.lastOp;
    const { command, node } = request;
    this.open.set(op, { client, command, invokeAt: this.host.nowMs });
    this.host.record({ t: this.host.nowMs, kind: 'invoke', op, client, command });
    this.host.deliverTo(
      client,
      node === undefined ? { type: 'invoke', op, command } : { type: 'invoke', op, command, node },
    );
  }
}
