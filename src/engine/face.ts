import type { NodeId, NodeView, Shape } from './basics';
import type { World } from './world';

export type { Shape } from './basics';

/**
 * What the generic UI shows of a protocol, without knowing any of its ideas. A protocol's face turns its
 * own typed view into words, colours and shapes; the workbench, the timeline, the Faults tab and the
 * fuzzer read these and never a protocol's fields (no "term", "leader" or "commit" in generic code).
 * Plain data and pure functions: the engine and the CLI may use them as well as the UI.
 */

/** How a node's role reads on its card, in the inspector and in pictures. */
export interface RoleFace {
  /** The word shown on the node (`leader`, `coordinator`, `acceptor`). */
  readonly word: string;
  /** A CSS colour with at least 4.5:1 contrast on white. */
  readonly color: string;
  /** Optional shape beside the word (the timeline and legends use it too). */
  readonly shape?: Shape;
}

/** The protocol's headline number or word on a node card: term, ballot, token, version, incarnation. */
export interface Badge {
  /** Short name shown before the value (`term`, `ballot`); also the accessible name's first word. */
  readonly label: string;
  readonly value: string | number;
  /** Optional: a CSS colour for it (at least 4.5:1 on white), for a value that is an outcome; muted by default. */
  readonly color?: string;
  /** Optional: a glyph shown before it (`✓`, `✗`), so an outcome differs by shape as well as by colour. */
  readonly mark?: string;
}

/** One node as the generic UI shows it. */
export interface NodeFace {
  readonly role: RoleFace;
  readonly badge?: Badge;
  /** A few plain words under the role (`votes 3/5`, `t2 prepared`); none by default. */
  readonly note?: string;
}

/** A kind of milestone the protocol reports (`Milestone.kind`): its glyph and the words for it. */
export interface MilestoneFace {
  readonly kind: string;
  readonly shape: Shape;
  /** For the legend and accessible labels: `new leader`, `commit`, `decision`. */
  readonly word: string;
}

/**
 * A named set of nodes the protocol can point at right now: `leader` (the contract's selector in scenario
 * files), `coordinator`, `primary`, `minority`. The Faults tab's one-click shortcuts and the fuzzer use
 * them; `title` reads in a sentence (`Isolate ${title}`).
 */
export interface NodeSelector<Context = unknown> {
  readonly id: string;
  readonly title: string;
  /** The nodes it names now, in a stable order; empty when it names none (no leader yet). */
  select(world: World<Context>): readonly NodeId[];
}

/**
 * Client commands of the protocol, shared by the request form and the fuzzer: a fresh command for the
 * `n`th request of a run (1-based), a hint of the grammar for the form, and a check of typed text.
 */
export interface CommandGenerator {
  next(n: number): string;
  /** What the request form shows as its example (`x=1`, `t1`). */
  readonly example: string;
  /** What the form's field is called (`Command`, `Transaction id`). */
  readonly label: string;
}

/** The protocol's face: everything the generic UI may show of it. */
export interface Face<View extends NodeView = NodeView, Context = unknown> {
  /** What one node is called in labels (`Server n3`): the protocol's own word; the UI says `Node` without one. */
  readonly nodeWord?: string;
  /** A live node's face; `clusterSize` counts the servers (a candidate's `votes 2/3`). Crashed nodes read as crashed, by the UI. */
  node(view: View, clusterSize: number): NodeFace;
  readonly milestones: readonly MilestoneFace[];
  /** The first selector is the one the header names (`Leader: n3`); `leader` must exist where the file format relies on it. */
  readonly selectors: readonly NodeSelector<Context>[];
  readonly commands: CommandGenerator;
}
