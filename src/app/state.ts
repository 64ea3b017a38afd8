import type { Layout } from '../engine/topology';
import type { Input, NodeId, VirtualMs } from '../engine/types';
import type { Scenario } from '../scenario/types';
import type { Branch } from './branches';
import type { Frame } from './frame';
import type { XY } from './layout';
import type { Marker } from './markers';
import type { FrameWork } from './runFrame';

/** What the user has singled out: the inspector shows it. */
export type Selection =
  | { readonly kind: 'node'; readonly id: NodeId }
  | { readonly kind: 'message'; readonly id: number }
  | { readonly kind: 'link'; readonly a: NodeId; readonly b: NodeId }
  | null;

/** A broken invariant, with where it happened, for the alert. */
export interface Alert {
  readonly invariant: string;
  readonly message: string;
  readonly time: VirtualMs;
  /** The position of the violation in the trace: "at event #n". */
  readonly event: number;
}

/** A message for the user that is not about the run itself: a file or link that could not be opened. */
export interface Message {
  readonly tone: 'error' | 'info';
  readonly text: string;
}

/** The whole run to its end, computed off the main thread: the timeline's shape and the fingerprint. */
export interface WholeRun {
  /** Which run it belongs to (`Store.runKey`): a result for an older run is ignored. */
  readonly key: string;
  readonly horizonMs: VirtualMs;
  /** How far the worker has got. */
  readonly doneMs: VirtualMs;
  readonly isDone: boolean;
  readonly markers: readonly Marker[];
  /** The trace hash at `horizonMs`, what `npm run -s sim -- run <file> --json` prints. */
  readonly traceHash: string | null;
  /** Why there is no fingerprint (the run passed its event budget, as the runner would say). */
  readonly problem?: string;
}

export interface AppState {
  readonly scenario: Scenario;
  readonly presetId: string | null;
  /** The current branch's run at the engine's now, as a plain value (frame.ts): what components read. */
  readonly frame: Frame;
  /** Bumps on every new run, so views keyed by it start fresh. */
  readonly runId: number;
  /** Virtual time the picture shows. */
  readonly now: VirtualMs;
  /** The furthest time computed on this branch: past it the timeline shows only the worker's view. */
  readonly frontier: VirtualMs;
  readonly playing: boolean;
  /** Virtual ms per wall-clock ms: 0.05 plays 20 times slower than real time. */
  readonly speed: number;
  readonly selection: Selection;
  /** The message under the pointer on the canvas or in the diagram: both views highlight it. */
  readonly hoveredMessage: number | null;
  /** Nodes picked with the partition tool (click or box). */
  readonly picked: readonly NodeId[];
  readonly positions: Readonly<Record<NodeId, XY>>;
  /** Partition tool: a drag on the canvas draws a selection box instead of panning. */
  readonly isBoxSelect: boolean;
  /** The node whose action menu is open on the canvas. */
  readonly menuFor: NodeId | null;
  readonly alert: Alert | null;
  /** Why playback stopped by itself (a pause point, the end of the scenario), as plain text. */
  readonly notice: string | null;
  readonly message: Message | null;
  readonly branches: readonly Branch[];
  readonly branchId: number;
  /** A long seek in progress, done a slice per frame. */
  readonly seeking: { readonly targetMs: VirtualMs; readonly progress: number } | null;
  readonly wholeRun: WholeRun | null;
}

/** An input as a UI handler builds it: the store stamps the time. */
export type Action = Input extends infer I ? (I extends Input ? Omit<I, 'at'> : never) : never;

export function formatMs(ms: VirtualMs): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 1 : 3)} s` : `${Math.round(ms)} ms`;
}

/** A store's settings: where its first run came from, how it plays, its budgets (runFrame.ts, budget.ts). */
export interface StoreOptions {
  readonly presetId?: string | null;
  readonly speed?: number;
  readonly playing?: boolean;
  readonly maxEvents?: number;
  readonly maxRecords?: number;
  readonly frameWork?: FrameWork;
  /** A view's layout instead of the protocol's hint (`?layout=grid`), for every run of this store. */
  readonly layout?: Layout | null;
}

export interface LoadOptions {
  /** Where to stand once loaded (a restored save, a link); the run is paused there. */
  readonly nowMs?: number;
  readonly playing?: boolean;
}
