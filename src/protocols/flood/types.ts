import type { Incoming, Local } from '../../engine/kit';
import type { NodeId } from '../../engine/types';

/** The scenario's `config` for flood (config.ts has the defaults). */
export interface FloodConfig {
  readonly repeatMs: number;
}

export type FloodBug = 'deliver-every-copy';

/** One broadcast: `id` is `<origin>:<n>`, unique in a run because each origin numbers its own. */
export interface Broadcast {
  readonly id: string;
  readonly origin: NodeId;
  readonly body: string;
}

/** What a node keeps: the broadcasts it delivered, in order, survive a crash (its delivery log). */
export interface FloodPersistent {
  readonly delivered: readonly Broadcast[];
}

export interface FloodContext extends FloodPersistent {
  readonly id: NodeId;
  readonly neighbours: readonly NodeId[];
  readonly config: FloodConfig;
  readonly bug: FloodBug | null;
  /** spec/protocols.md §1.6: the Byzantine mode it runs (index.ts, `byzantineModes`), null while honest. */
  readonly byzantine: FloodMode | null;
  /** §1.7: in the cluster; a standby node (or one that left) neither delivers nor relays. */
  readonly isMember: boolean;
}

/** flood's Byzantine modes: `silent` (the engine drops every send) and `lie` (relays forged bodies). */
export type FloodMode = 'silent' | 'lie';

/** The one message: a batch of broadcasts, relayed on first delivery and repeated on a timer. */
export interface FloodMessage {
  readonly type: 'Flood';
  readonly broadcasts: readonly Broadcast[];
}

export type FloodEvent =
  | Incoming<FloodMessage>
  | Local<{ readonly type: 'request'; readonly command: string }>
  | Local<{ readonly type: 'repeat' }>
  | Local<{ readonly type: 'byzantine'; readonly mode: FloodMode }>
  | Local<{ readonly type: 'join' | 'leave'; readonly node: NodeId }>;

/** The contract's node view: what a student reads on the card and in the inspector. */
export interface FloodView {
  readonly delivered: readonly string[];
  /** The broadcasts delivered with a liar's forged body (`n1:1 (forged by n3)`); absent when none. */
  readonly forged?: readonly string[];
  readonly [key: string]: unknown;
}
