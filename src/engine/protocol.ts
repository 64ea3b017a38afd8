import type { AnyStateMachine } from 'xstate';
import type { ZodType } from 'zod';
import type { Face } from './face';
import type { OnTheWire, PauseCheck } from './pauseCheck';
import type { World } from './world';

export type { OnTheWire, PauseCheck, PauseScene } from './pauseCheck';
export type { NodeStatus, World } from './world';

import type { Consistency, HistoryEntry, OpGrammar, SequentialModel } from './clients';
import type { Rng } from './rng';
import type { Layout, NodeKind, Topology } from './topology';
import type { NodeId, NodeView, Payload, TraceRecord, VirtualMs } from './types';

/** What the engine hands a node's machine as `input` when it starts, or starts again after a crash. */
export interface NodeInput<Config = unknown, Persistent = unknown> {
  readonly id: NodeId;
  /** Every node of the cluster, in scenario order, this one included. */
  readonly nodes: readonly NodeId[];
  /** The other nodes. */
  readonly peers: readonly NodeId[];
  readonly config: Config;
  /** The id of the bug variant to run, or null for the correct protocol. */
  readonly bug: string | null;
  /** What survived the last crash (or the scenario's `initial` state); undefined on a first start. */
  readonly persistent: Persistent | undefined;
  /** A uint32 from the node's own seeded stream. */
  readonly entropy: number;
  /**
   * The scenario's seed, the same on every node and every restart: for what all nodes must draw alike (a
   * permutation of identities handed out before the run). A node's own randomness stays `entropy`.
   */
  readonly seed?: number;
  /** The node's kind (topology.ts): `server` unless the protocol declares kinds. */
  readonly kind: string;
  /** The nodes this one has a link to, in scenario order (every other node in a full mesh). */
  readonly links: readonly NodeId[];
  /** The virtual time of the (re)start. */
  readonly at: VirtualMs;
  /** The node's own clock at the (re)start (kit/meta.ts): equal to `at` until nodes have clocks. */
  readonly localAt: VirtualMs;
  /** §1.5: the client nodes of the run, in scenario order (empty without clients); `nodes` stays the servers. */
  readonly clients?: readonly NodeId[];
  /** §1.6: the Byzantine mode this node runs (kept across crashes), absent while honest. */
  readonly byzantine?: string;
  /** §1.7: for protocols with membership, the servers in the cluster at the (re)start. */
  readonly members?: readonly NodeId[];
}

export interface InvariantInfo {
  readonly id: string;
  readonly title: string;
  /** One or two sentences a student can read: what must always hold. */
  readonly rule: string;
  /** Checked once at the end of a settled run (`Monitor.settled`), not after every event. */
  readonly eventual?: boolean;
  /** §1.8: an eventual invariant that may be judged with crashed nodes still down (it speaks of the up nodes). */
  readonly downOk?: boolean;
}

export interface BugInfo {
  readonly id: string;
  readonly title: string;
  /** What the variant does differently, and which rule it breaks. */
  readonly explanation: string;
  /** The invariants expected to catch it. */
  readonly breaks: readonly string[];
}

export interface Finding {
  readonly invariant: string;
  readonly message: string;
}

/**
 * Watches a run and says when an invariant breaks. History (who led which term, what was committed
 * where) is the monitor's own immutable value, kept in simulation snapshots, so a rewind restores it.
 */
export interface Monitor<History = unknown, Context = unknown> {
  initial(world: World<Context>): History;
  /** Called after every event that changed a node's state (context or liveness); `changed` names that node. */
  check(history: History, world: World<Context>, changed: NodeId): { history: History; findings: readonly Finding[] };
  /**
   * Optional: an end-of-run check, for properties that hold once a run has settled (convergence: every
   * replica the same, one coordinator named by all). The runner calls it once, at the end; its findings
   * become violations at that time (not trace records, so the trace hash does not depend on the cut).
   */
  settled?(history: History, world: World<Context>): readonly Finding[];
}

/** A notable moment of a run, for the timeline: a new leader, a commit, a decision. */
export interface Milestone {
  readonly kind: string;
  readonly label: string;
}

/** A node that a scenario's config or initial state names, and the field that names it. */
export interface NodeRef {
  /** From the top of the file: `['config', 'noVotes', 0]`, `['initial', 'n1', 'votedFor']`. */
  readonly path: readonly (string | number)[];
  readonly node: NodeId;
}

export interface MessageLook {
  /** Short label on the canvas: `RequestVote`, `AppendEntries 3 entries`, `Vote ✓` (the canvas writes `×N` for N messages under one label). */
  readonly label: string;
  /** Replies are drawn differently from requests. */
  readonly isReply: boolean;
}

/** A protocol plugin: everything the engine, the runner and the UI need, and nothing they must know. */
export interface Protocol<Config = unknown, Context = unknown> {
  readonly id: string;
  readonly title: string;
  /** One paragraph for the library and the README. */
  readonly summary: string;
  /** A strict object schema with a default for every key; unknown keys are errors. */
  readonly configSchema: ZodType<Config>;
  /** Optional schema of one node's entry in a scenario's `initial` map; parses to the persistent state. */
  readonly initialSchema?: ZodType<unknown>;
  /**
   * Optional: every node its parsed config and initial states name. The scenario parser checks that each one
   * is a node of the cluster and names the field when it is not, so a protocol only says where names are.
   */
  refs?(config: Config, initial: Readonly<Record<NodeId, unknown>>): readonly NodeRef[];
  /** The machine of every node, or of the default `server` kind when `nodeKinds` is not declared. */
  readonly machine: AnyStateMachine;
  /** Optional: the kinds of node it runs, each its own machine (topology.ts); default one `server` kind running `machine`. */
  readonly nodeKinds?: readonly NodeKind[];
  /** Optional: the kind of each node of a scenario (by id, position and the parsed config); default the first kind. */
  nodeKind?(node: NodeId, index: number, nodes: readonly NodeId[], config: Config): string;
  /**
   * Optional: what is wrong with a scenario's servers for this config (a variant that runs a fixed number of
   * them), each problem naming its field (`nodes: ...`); the parser refuses the file with them.
   */
  clusterProblems?(config: Config, nodes: readonly NodeId[]): readonly string[];
  /** Optional: the links that exist (topology.ts); default `full-mesh`. A send over a missing link throws. */
  readonly topology?: Topology;
  /** Optional: how the canvas lays the nodes out; default `circle`. */
  readonly layout?: Layout;
  /** The part of a node's context that survives a crash. */
  persistent(context: Context, bug: string | null): unknown;
  /** The node's state as JSON: the contract's `nodes[].state`. */
  view(context: Context, stateValue: unknown): NodeView;
  describeMessage(message: Payload): MessageLook;
  /**
   * Optional: what is notable in a change of one node's view (`before` is undefined at the start). Called
   * for up nodes only; views are the protocol's own values, liveness is never in them.
   */
  milestones?(node: NodeId, before: NodeView | undefined, after: NodeView): readonly Milestone[];
  /** Where a client request without a `node` goes; null when there is nowhere (it is rejected). */
  entryPoint(world: World<Context>): NodeId | null;
  readonly invariants: readonly InvariantInfo[];
  /**
   * Optional: a config to fuzz with (say, PreVote on or off), drawn from the fuzzer's stream, for a cluster of
   * `nodes`; a node it names must be one of them (the parser checks `refs`).
   */
  fuzzConfig?(rng: Rng, nodes: readonly NodeId[]): Record<string, unknown>;
  readonly monitor: Monitor<unknown, Context>;
  readonly bugs: readonly BugInfo[];
  /** What the generic UI, the timeline, the Faults tab and the fuzzer show of the protocol (face.ts). */
  readonly face: Face<NodeView, Context>;
  /** Optional: what each of its presets (by name, without the protocol's id) promises at its pause points. */
  readonly pauseChecks?: Readonly<Record<string, readonly PauseCheck<Context>[]>>;

  // ---- issue 11: the generic additions of spec/protocols.md Part 1 (§1.8); every one optional ----------

  /** §1.5: the machine client nodes run (clients persist nothing); with it a scenario may have `clients`. */
  readonly clientMachine?: AnyStateMachine;
  /** §1.5: how many operations one client runs at once [1]; more wait in its FIFO queue. */
  readonly clientConcurrency?: number;
  /** §1.5: the operation grammar of `request` commands with a `client` (the register grammar, or its own). */
  readonly ops?: OpGrammar;
  /** §1.5: the sequential specification histories are checked against, key by key. */
  readonly model?: SequentialModel;
  /** §1.5: the guarantee the protocol claims; only it makes a violation. */
  readonly consistency?: Consistency;
  /** §1.6: the Byzantine behaviours a node may be switched to. */
  readonly byzantineModes?: readonly ByzantineMode[];
  /** §1.6: how many Byzantine nodes of `n` the protocol tolerates; the fuzzer turns at most that many. */
  faultTolerance?(n: number): number;
  /** §1.7: the protocol supports `standby`, `join` and `leave`. */
  readonly membership?: boolean;
  /** §1.7: the node a membership change is handed to (the leader, the node itself); null when nowhere. */
  membershipEntry?(world: World<Context>, kind: 'join' | 'leave', node: NodeId): NodeId | null;
  /** §1.4: the machine may emit `adjustClock` (the kit's action). */
  readonly setsClock?: boolean;
  /** §1.8: each directed link delivers in send order (Chandy & Lamport 1985). */
  readonly fifoLinks?: boolean;
  /** §1.8: numbers sampled every `sampleMs` and plotted; never part of the trace. */
  readonly series?: readonly SeriesDeclaration<Context>[];
  /** §1.8: measured facts at the end of a run (from trace, history and series). */
  facts?(run: FactsInput): Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /**
   * Optional: operations of the history the protocol points out, as of the trace so far (issue 14: the
   * acknowledged writes a failover lost). The History panel marks their bars and lists them under each title.
   */
  historyMarks?(run: HistoryMarksInput): readonly HistoryMark[];
  /** §1.8: how long a run must be quiet before eventual invariants are judged [2000]. */
  readonly settleMs?: number;
  /** §1.8: the fault kinds the fuzzer may draw (the protocol's failure model); default the classic ones. */
  readonly fuzzFaults?: readonly FuzzFault[];
  /**
   * Optional: the fuzzer's random scenario file for run `seed` (with `bug`), for a protocol whose lesson needs
   * a shape of run the generic schedule cannot draw (its own cluster, client operations); default the generic one.
   * With `cluster` (the browser's counterexample search fuzzes the run on screen), the file must fit it: that
   * many servers and clients, under that config; without it the generator draws its own cluster.
   */
  fuzzScenario?(seed: number, bug: string | null, cluster?: FuzzCluster): Record<string, unknown>;
}

/** The run a fuzzer's inputs must fit (`fuzzScenario`): its servers, its clients, its scenario `config`. */
export interface FuzzCluster {
  readonly nodes: number;
  readonly clients: number;
  readonly config: Readonly<Record<string, unknown>>;
}

/** §1.6: a Byzantine behaviour a protocol declares (`silent` is carried out by the engine). */
export interface ByzantineMode {
  readonly id: string;
  readonly title: string;
  readonly explanation: string;
}

/** §1.8: one plotted number: per run, per node (`name.<node>`) or per pair (`name.<observer>.<peer>`). */
export interface SeriesDeclaration<Context = unknown> {
  readonly name: string;
  readonly title: string;
  readonly unit: string;
  readonly per: 'run' | 'node' | 'pair';
  /** For `run` a number or null; for `node` a map node -> value; for `pair` observer -> peer -> value. */
  sample(world: SeriesWorld<Context>): number | null | Readonly<Record<NodeId, unknown>>;
}

/** What a series samples: the world, and each node's local clock reading now (§1.4). */
export interface SeriesWorld<Context = unknown> extends World<Context> {
  localNow(id: NodeId): VirtualMs;
  /** The messages on the wire now, in the order they were sent (lost ones included, marked `isLost`). */
  inFlight(): readonly OnTheWire[];
}

/** What `facts` reads at the end of a run. */
export interface FactsInput {
  readonly trace: readonly TraceRecord[];
  readonly history: readonly HistoryEntry[];
  readonly series: Readonly<Record<string, readonly (readonly [VirtualMs, number | null])[]>>;
  readonly endMs: VirtualMs;
}

/** What `historyMarks` reads: the trace and history so far, and the time they reach. */
export type HistoryMarksInput = Pick<FactsInput, 'trace' | 'history' | 'endMs'>;

/** A group of operations a protocol points out in a history, with a title and one line of words per op. */
export interface HistoryMark {
  readonly title: string;
  readonly ops: readonly number[];
  /** What is notable about each op, in the order of `ops`. */
  readonly notes: readonly string[];
}

/** §1.9: the fault kinds a fuzzer may draw. */
export type FuzzFault =
  | 'crash'
  | 'restart'
  | 'partition'
  | 'cut'
  | 'loss'
  | 'delay'
  | 'duplicate'
  | 'stall'
  | 'clock'
  | 'byzantine'
  | 'membership'
  | 'workload';

// biome-ignore lint/suspicious/noExplicitAny: a registry holds protocols of every config and context type.
export type AnyProtocol = Protocol<any, any>;
