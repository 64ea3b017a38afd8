import type { ClockStart } from '../engine/clock';
import type { AnyProtocol } from '../engine/protocol';
import type { Input, LinkModel, NodeId } from '../engine/types';
import type { Workload } from './workload';

/** A scenario after parsing: every field checked and typed, defaults filled in. */
export interface Scenario {
  readonly protocol: string;
  readonly title: string;
  readonly description: string;
  readonly seed: number;
  readonly nodes: readonly NodeId[];
  /** The protocol's config with every default filled in. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly network: LinkModel;
  /** As written in the file (the protocol's own format for `initial`). */
  readonly initial: Readonly<Record<NodeId, unknown>>;
  readonly bug: string | null;
  /** spec/protocols.md §1.4: clocks at time 0 by node (prototype-free); absent when the file has none. */
  readonly clocks?: Readonly<Record<NodeId, ClockStart>>;
  readonly until?: number;
  readonly events: readonly Input[];
  /** spec/protocols.md §1.5: the client nodes (after the servers); absent without clients. */
  readonly clients?: readonly NodeId[];
  /** §1.5: a generated stream of client operations, expanded when the run is built (run.ts). */
  readonly workload?: Workload;
}

export type ParseResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly string[] };

/** A protocol that is already loaded (code that runs after loading: the store, the simulation). */
export type ProtocolLookup = (id: string) => AnyProtocol | undefined;

/** Loads a protocol on demand: undefined for an unknown id; rejects when its code cannot be fetched. */
export type ProtocolLoader = (id: string) => Promise<AnyProtocol | undefined>;
