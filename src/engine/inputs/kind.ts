import type { ZodType } from 'zod';
import type { LinkModel, NodeId, NodeRef, Shape, VirtualMs } from '../basics';

/**
 * What inputs may read of the protocol's declarations (protocol.ts has them all; named here structurally so
 * the input table does not import the protocol's types, which import the table's).
 */
export interface Declarations {
  readonly id: string;
  /** §1.6 */
  readonly byzantineModes?: readonly { readonly id: string }[];
  /** §1.7 */
  readonly membership?: boolean;
}

/**
 * One kind of input (crash, partition, request, caption, ...): everything about it in one module, so a new
 * fault is one new file plus one line in table.ts. The engine applies it through `InputsHost`; the scenario
 * parser reads its schema and node references; the app and the UI read its words as plain data.
 */
export interface InputKind<I extends InputBase> {
  readonly type: I['type'];
  /** The event as a scenario file writes it, `at` and `type` included: a strict object. */
  readonly schema: ZodType<I>;
  /** Every node the input names, with the field that names it (`node`, `groups[1][0]`), for validation. */
  refs(input: I): readonly NodeRefAt[];
  /** Optional rules beyond naming known nodes, as `field: reason` lines. */
  problems?(input: I): readonly string[];
  /**
   * Optional: what the protocol must declare for this input (spec/protocols.md Part 1: a field the protocol does
   * not support is bad input naming it), as `field: reason` lines: `type: "byzantine" needs a protocol with ...`.
   */
  unsupported?(input: I, protocol: Declarations): readonly string[];
  /** Applies it at the host's current time; one that cannot apply is skipped, and the trace says why. */
  apply(input: I, host: InputsHost): void;
  /** What it did in a few words (a branch's name: `crash n1`). */
  describe(input: I): string;
  /** Its row in the Script tab. */
  row(input: I): InputRow;
  /** For kinds that write a `fault` record: the timeline's label of that record, its glyph, what it draws. */
  readonly fault?: FaultLook<I>;
}

export interface FaultLook<I extends InputBase> {
  /** The timeline's label of the fault record (nodes resolved): `n1 crashes`. */
  label(fault: FaultOf<I>): string;
  readonly glyph: InputGlyph;
  /** What it changes in the picture of the run (the space-time diagram): a node down or up, the network divided or whole. */
  effect?(fault: FaultOf<I>): FaultEffect;
}

/** The fields every input has. */
export interface InputBase {
  readonly at: VirtualMs;
  readonly type: string;
}

/** An input's fault record, as the trace writes it: the input's fields without `at`, nodes resolved. */
export type FaultOf<I extends InputBase> = Omit<I, 'at'> & { readonly t: VirtualMs };

export interface NodeRefAt {
  readonly field: string;
  readonly ref: NodeRef;
}

/** A glyph for the timeline and legends: a name (a CSS class, a legend key) and a shape. */
export interface InputGlyph {
  readonly name: string;
  readonly shape: Shape;
}

/** An input as one row of the script: what it is and what it acts on, in words. */
export interface InputRow {
  readonly kind: string;
  readonly target: string;
  /** Captions and pauses carry text the author can edit. */
  readonly hasText: boolean;
}

/** The drawable consequences of faults, a small vocabulary the diagram knows (not the input kinds). */
export type FaultEffect =
  | { readonly kind: 'down'; readonly node: NodeId }
  | { readonly kind: 'up'; readonly node: NodeId }
  | { readonly kind: 'partition'; readonly groups: readonly (readonly NodeId[])[] }
  | { readonly kind: 'heal' }
  | { readonly kind: 'cut' | 'mend'; readonly from: NodeId; readonly to: NodeId; readonly isOneWay: boolean };

/** The records an input writes to the trace (types.ts: `TraceRecord` holds them). */
export type InputRecord =
  | { readonly t: VirtualMs; readonly kind: 'fault'; readonly type: string; readonly [field: string]: unknown }
  | { readonly t: VirtualMs; readonly kind: 'request'; readonly node: NodeId | null; readonly command: string }
  | { readonly t: VirtualMs; readonly kind: 'caption'; readonly text: string }
  | { readonly t: VirtualMs; readonly kind: 'pause'; readonly text: string };

/** The network's controls an input may use (network.ts implements them). */
export interface NetworkControl {
  partition(groups: readonly (readonly NodeId[])[]): void;
  heal(): void;
  cut(from: NodeId, to: NodeId, oneWay: boolean): void;
  mend(from: NodeId, to: NodeId, oneWay: boolean): void;
  /** Both directions, or only `a` to `b` with `oneWay`. */
  setLink(a: NodeId, b: NodeId, change: Partial<LinkModel>, oneWay?: boolean): void;
  setModel(change: Partial<LinkModel>): void;
}

/** What an input may do to the run around it: the simulation implements it, and nothing else is reachable. */
export interface InputsHost {
  readonly nowMs: VirtualMs;
  readonly network: NetworkControl;
  record(record: InputRecord): void;
  skip(input: InputBase, reason: string): void;
  /**
   * The node a reference names now: a node id, or a selector a file may write (`"leader"`, through the
   * protocol's face); null after skipping `input` with the reason (`no leader`, `unknown node "n9"`).
   */
  resolve(input: InputBase, ref: NodeRef): NodeId | null;
  /** Where a request without a node goes (the protocol's entry point); null when nowhere. */
  entryPoint(): NodeId | null;
  isUp(id: NodeId): boolean;
  hasTimer(id: NodeId): boolean;
  crash(id: NodeId): void;
  restart(id: NodeId): void;
  fireEarliestTimer(id: NodeId): boolean;
  /** §1.3: whether the node is in a process pause; `stall` starts one (or extends it). */
  isStalled(id: NodeId): boolean;
  stall(id: NodeId, durationMs: number): void;
  /** §1.4: a `clock` input's change to the node's clock. */
  setClock(
    id: NodeId,
    change: { readonly offsetMs?: number; readonly driftPpm?: number; readonly jumpMs?: number },
  ): void;
  deliverTo(id: NodeId, payload: { readonly type: string; readonly [field: string]: unknown }): void;
  /** §1.5: whether `id` is a client node. */
  isClient(id: NodeId): boolean;
  /** §1.5: an up client's operation: invoked now, or queued behind its open operations. */
  requestOp(
    client: NodeId,
    request: { readonly at: VirtualMs; readonly command: string; readonly node?: NodeId },
  ): void;
  dropByUser(message: number): boolean;
  duplicateByUser(message: number): boolean;
  /** The protocol of the run, for inputs that depend on its declarations (Byzantine modes, membership). */
  readonly protocol: Declarations;
  /** §1.6: the node's Byzantine mode, null while honest. */
  byzantineOf(id: NodeId): string | null;
  setByzantine(id: NodeId, mode: string): void;
  /** §1.7: whether the server is in the cluster (always true without membership). */
  isMember(id: NodeId): boolean;
  setMember(id: NodeId, member: boolean): void;
  /** §1.7: the node a membership change is handed to (the protocol's `membershipEntry`), null when nowhere. */
  membershipEntry(kind: 'join' | 'leave', node: NodeId): NodeId | null;
}

/** The glyph every fault has had on the timeline. */
export const FAULT_GLYPH: InputGlyph = { name: 'fault', shape: 'triangle' };

/** `n1 n2 | n3`: partition groups in words. */
export const groupsText = (groups: readonly (readonly string[])[], gap = ' | ') =>
  groups.map((g) => g.join(' ')).join(gap);

/**
 * The up node an input names: resolved as `host.resolve` does, and skipped with `<node> is crashed` when that
 * node is down. Null when the input was skipped.
 */
export function upNodeOf(input: InputBase, host: InputsHost, ref: NodeRef): NodeId | null {
  const node = host.resolve(input, ref);
  if (node === null) return null;
  if (!host.isUp(node)) {
    host.skip(input, `${node} is crashed`);
    return null;
  }
  return node;
}
