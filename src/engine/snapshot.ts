import type { ClientOpsState } from './clientOps';
import type { NodesState } from './nodes';
import type { ObserverState } from './observer';
import type { QueueEvent, Stats } from './runtime';
import type { Scheduled } from './scheduler';
import type { HashState } from './trace';
import type { Input, VirtualMs } from './types';
import type { WireState } from './wire';

/** The whole simulation at one instant. Plain, immutable data: restoring it resumes the run exactly. */
export interface SimSnapshot {
  readonly nowMs: VirtualMs;
  readonly steps: number;
  /** The queue without its inputs: the pending ones are `inputs` from `inputsFrom` on, and the generated from `generatedFrom`. */
  readonly queue: readonly Scheduled<QueueEvent>[];
  readonly inputsFrom: number;
  readonly generatedFrom: number;
  readonly seq: number;
  /** The inputs of the run when the snapshot was taken (applied and pending). */
  readonly inputs: readonly Input[];
  readonly wire: WireState;
  readonly nodes: NodesState;
  readonly observer: ObserverState;
  /** §1.5: the clients' queues and open operations. */
  readonly clients: ClientOpsState;
  readonly traceLength: number;
  readonly violationCount: number;
  readonly skippedCount: number;
  readonly hash: HashState;
  readonly stats: Stats;
}
