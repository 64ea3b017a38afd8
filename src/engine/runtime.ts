import type { AnyMachineSnapshot } from 'xstate';
import type { ClockStart, ClockState } from './clock';
import type { AnyProtocol } from './protocol';
import type { Rng, RngState } from './rng';
import type { StallState } from './stall';
import type { Input, LinkModel, NodeId, NodeView, Payload, VirtualMs } from './types';

/**
 * The data a simulation's parts share: its spec, its nodes, its messages, its queue's events. The
 * snapshot of the whole, made of the parts' states, sits above them (snapshot.ts).
 */

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
  /** §1.5: the client nodes, after the servers (`nodes`); absent or empty without clients. */
  readonly clients?: readonly NodeId[];
  /** Each node's clock at time 0 (spec/protocols.md §1.4); a node not named keeps a true clock. */
  readonly clocks?: Readonly<Record<NodeId, ClockStart>>;
  /**
   * §1.5: inputs generated before the run (a workload's requests), in time order. They apply like inputs, after
   * the inputs at the same time, but are not among `inputs` (the file's and the user's), so saving a run never
   * writes them out.
   */
  readonly generated?: readonly Input[];
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
  /** Its kind (topology.ts): which machine it runs. */
  readonly kind: string;
  readonly isUp: boolean;
  readonly snapshot: AnyMachineSnapshot;
  readonly view: NodeView;
  /** What survived the last crash; meaningful while down. */
  readonly persistent: unknown;
  readonly timers: ReadonlyMap<string, PendingTimer>;
  readonly rng: RngState;
  /** Its local clock (clock.ts); it survives crashes, as a hardware clock does. */
  readonly clock: ClockState;
  /** The process pause it is in (stall.ts), or null. */
  readonly stall: StallState | null;
}

export type QueueEvent =
  | { readonly kind: 'arrive'; readonly message: InFlight }
  | { readonly kind: 'timer'; readonly node: NodeId; readonly id: string; readonly token: number }
  | { readonly kind: 'input'; readonly input: Input }
  /** §1.5: a generated input (a workload's request), applied like an input. */
  | { readonly kind: 'generated'; readonly input: Input }
  /** §1.5: a client completed an operation; its next queued request is invoked (clientOps.ts). */
  | { readonly kind: 'invoke'; readonly client: NodeId }
  | { readonly kind: 'stallEnd'; readonly node: NodeId; readonly untilMs: VirtualMs };

export interface Stats {
  readonly events: number;
  readonly sent: number;
  readonly delivered: number;
  readonly dropped: number;
}

export interface MutableNode {
  id: NodeId;
  kind: string;
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
  clock: ClockState;
  stall: StallState | null;
}
