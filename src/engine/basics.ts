/**
 * The engine's plain vocabulary, below everything else: types.ts re-exports it, and the input kinds
 * (inputs/) import it from here so the trace's types can name the input table without a circle.
 */

/** Virtual time, always in milliseconds since the start of a run. */
export type VirtualMs = number;
export type NodeId = string;

/** A protocol message: the protocol's own payload, discriminated by `type`. */
export interface Payload {
  readonly type: string;
}

/** Any event a machine can take: a `type` and whatever fields the protocol gives it. */
export type EventLike = Payload & { readonly [field: string]: unknown };

export interface LinkModel {
  /** Inclusive range; the latency of each message is drawn uniformly from it. */
  readonly latencyMs: readonly [number, number];
  readonly loss: number;
  readonly duplicate: number;
}

/** A node selector in an input: a node id, or `leader` for whichever node the protocol names. */
export type NodeRef = string;

/** The protocol's own JSON view of a node: what the inspector, the CLI and the trace show. */
export type NodeView = { readonly [key: string]: unknown };

/** `silent`: the sender is a Byzantine node in mode `silent` (spec/protocols.md §1.6), whose every send the engine drops. */
export type DropReason = 'loss' | 'partition' | 'crashed' | 'user' | 'silent';

/** The shapes the generic UI can draw; a shape always goes with a word, so colour is never the only cue. */
export type Shape = 'circle' | 'square' | 'diamond' | 'triangle' | 'hexagon' | 'ring' | 'star';
