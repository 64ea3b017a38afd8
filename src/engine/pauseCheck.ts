import type { NodeId, Payload, VirtualMs } from './types';
import type { NodeStatus } from './world';

/** What a paused run shows: the nodes (their views and liveness) and the messages on the wire. */
export interface PauseScene<Context = unknown> {
  readonly nowMs: VirtualMs;
  readonly nodes: readonly NodeStatus<Context>[];
  readonly inFlight: readonly OnTheWire[];
}

/** A message on the wire, as a pause's fact reads it (the engine's in-flight record has more). */
export interface OnTheWire {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly message: Payload;
  readonly isLost: boolean;
}

/**
 * A fact a preset promises at one of its pause points, so its caption and question stay true: a test
 * plays every preset the way the app does and checks each at its pause (src/app/pauseChecks.test.ts).
 */
export interface PauseCheck<Context = unknown> {
  /** The pause point's time, in virtual ms. */
  readonly at: VirtualMs;
  /** The fact in words ("exactly one leader"), for the test's report and the reader of the preset. */
  readonly says: string;
  holds(scene: PauseScene<Context>): boolean;
}
