import type { NodeId, VirtualMs } from './basics';

/**
 * Clients, operations and histories (spec/protocols.md §1.5): the vocabulary shared by the engine (which
 * hands operations to client machines and records their completions), the protocols (which declare a
 * grammar, a client machine and a model), and the history checker (src/history/). Types only.
 */

/** How an operation ended: took effect (`ok`), did not and never will (`fail`), or unknown (`info`). */
export type OpResult = 'ok' | 'fail' | 'info';

/** One operation as a grammar reads it: `write x 3` is `{ name: 'write', key: 'x', args: [3] }`. */
export interface Operation {
  readonly name: string;
  /** The key it touches (a register's name); histories are checked key by key. */
  readonly key: string;
  readonly args: readonly (number | string)[];
}

/** A protocol's operation grammar (`ops`, §1.8): what a `request` with a `client` may say. */
export interface OpGrammar {
  /** The operation names, in the order the request form offers them (`read`, `write`, `cas`). */
  readonly names: readonly string[];
  /** The grammar in words, for error messages and the form: `read K, write K V, cas K V1 V2`. */
  readonly usage: string;
  /** The operation a command states, or null when it is not one of this grammar. */
  parse(command: string): Operation | null;
  /** The command for a workload's draw (§1.5): operation `name` on `key`, the workload's `seq`, `last` value written to `key`. */
  workloadOp(name: string, key: string, seq: number, last: number): string;
}

/** What the engine hands a client machine when one of its operations starts (with `at`, `localAt`, `entropy`). */
export interface InvokeEvent {
  readonly type: 'invoke';
  /** The operation's id: 1, 2, ... in invoke order over the whole run. */
  readonly op: number;
  readonly command: string;
  /** The server the request names, when it names one: the client contacts it first. */
  readonly node?: NodeId;
}

/** What a client machine emits, exactly once per operation (kit: `complete(op, result, value)`). */
export interface CompleteRequest {
  readonly type: 'complete';
  readonly op: number;
  readonly result: OpResult;
  /** The value a read returned; null otherwise. */
  readonly value: number | string | null;
}

/** One operation of a run's history: the runner's JSON `history` entries, in id order. */
export interface HistoryEntry {
  readonly id: number;
  readonly client: NodeId;
  /** The command, as the request stated it: `write x 3`. */
  readonly op: string;
  readonly invokeAt: VirtualMs;
  /** Null while (or if, at the end) the operation is open; then `result` is `info`. */
  readonly completeAt: VirtualMs | null;
  readonly result: OpResult;
  readonly value: number | string | null;
}

/** The consistency guarantee a protocol declares (§1.5). */
export type Consistency = 'linearizable' | 'sequential' | 'eventual';

/**
 * A sequential specification (`model`, §1.5), one object per key: `step` applies `op` to `state` given what
 * the history says it returned, and answers the new state, or undefined when the op could not have
 * returned that from this state. `outcome` null means unknown (an `info` write): any outcome will do.
 */
export interface SequentialModel<State = unknown> {
  readonly id: string;
  init(key: string): State;
  step(
    state: State,
    op: Operation,
    outcome: { readonly result: 'ok' | 'fail'; readonly value: number | string | null } | null,
  ): State | undefined;
  /** States compared for the search's memo (`a === b` is not enough for structured states). */
  key(state: State): string | number | null;
}
