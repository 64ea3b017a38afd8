import type { Rng } from './rng';
import type { LinkModel, NodeId, VirtualMs } from './types';

export interface NetworkState {
  readonly model: LinkModel;
  /** Per-link overrides, keyed by `from>to` (a `link` input writes both directions). */
  readonly links: Readonly<Record<string, Partial<LinkModel>>>;
  /** Directed links that carry nothing, as `from>to`. */
  readonly cuts: readonly string[];
  /** The current partition: node id to group number; nodes not listed share one more group. */
  readonly groups: Readonly<Record<NodeId, number>>;
}

const key = (from: NodeId, to: NodeId) => `${from}>${to}`;

/**
 * The links between nodes: a latency model, loss and duplication per link, cuts in one or both
 * directions and partitions into groups (Jepsen's "grudges": who may not hear whom). Pure data plus
 * decisions; the simulation owns the messages themselves.
 */
export class Network {
  private model: LinkModel;
  private links: Map<string, Partial<LinkModel>>;
  private cuts: Set<string>;
  private groups: Map<NodeId, number>;

  constructor(state: NetworkState) {
    this.model = state.model;
    this.links = new Map(Object.entries(state.links));
    this.cuts = new Set(state.cuts);
    this.groups = new Map(Object.entries(state.groups));
  }

  static initial(model: LinkModel): Network {
    return new Network({ model, links: {}, cuts: [], groups: {} });
  }

  state(): NetworkState {
    return {
      model: this.model,
      links: Object.fromEntries(this.links),
      cuts: [...this.cuts].sort(),
      groups: Object.fromEntries(this.groups),
    };
  }

  /** The model in force on one directed link. */
  linkModel(from: NodeId, to: NodeId): LinkModel {
    const override = this.links.get(key(from, to));
    return override ? { ...this.model, ...override } : this.model;
  }

  /** Whether a message from `from` can reach `to` right now: no cut, and both on the same side. */
  canCarry(from: NodeId, to: NodeId): boolean {
    if (this.cuts.has(key(from, to))) return false;
    return (this.groups.get(from) ?? -1) === (this.groups.get(to) ?? -1);
  }

  isCut(from: NodeId, to: NodeId): boolean {
    return this.cuts.has(key(from, to));
  }

  /** The group number of a node in the current partition (-1: the unlisted rest), for views. */
  groupOf(node: NodeId): number {
    return this.groups.get(node) ?? -1;
  }

  get isPartitioned(): boolean {
    return this.groups.size > 0;
  }

  /**
   * Decides the fate of one message: when it arrives (or undefined when the link loses it), and
   * when a duplicate arrives, if the link duplicates it. Draws only from the network's stream.
   */
  route(from: NodeId, to: NodeId, nowMs: VirtualMs, rng: Rng): { deliverAtMs?: VirtualMs; duplicateAtMs?: VirtualMs } {
    const model = this.linkModel(from, to);
    const [lo, hi] = model.latencyMs;
    if (rng.chance(model.loss)) return {};
    const deliverAtMs = nowMs + rng.int(lo, hi);
    if (!rng.chance(model.duplicate)) return { deliverAtMs };
    return { deliverAtMs, duplicateAtMs: nowMs + rng.int(lo, hi) };
  }

  /** A fresh delay on the link, for a message the user asked to duplicate. */
  delay(from: NodeId, to: NodeId, rng: Rng): number {
    const [lo, hi] = this.linkModel(from, to).latencyMs;
    return rng.int(lo, hi);
  }

  setModel(change: Partial<LinkModel>): void {
    this.model = { ...this.model, ...definedOnly(change) };
  }

  /** Overrides a link's model both ways, or from `a` to `b` only (`oneWay`, spec/protocols.md §1.2). */
  setLink(a: NodeId, b: NodeId, change: Partial<LinkModel>, oneWay = false): void {
    const defined = definedOnly(change);
    for (const k of oneWay ? [key(a, b)] : [key(a, b), key(b, a)])
      this.links.set(k, { ...this.links.get(k), ...defined });
  }

  cut(from: NodeId, to: NodeId, oneWay: boolean): void {
    this.cuts.add(key(from, to));
    if (!oneWay) this.cuts.add(key(to, from));
  }

  mend(from: NodeId, to: NodeId, oneWay: boolean): void {
    this.cuts.delete(key(from, to));
    if (!oneWay) this.cuts.delete(key(to, from));
  }

  /** A new partition replaces the previous one; cut links stay cut. */
  partition(groups: readonly (readonly NodeId[])[]): void {
    this.groups = new Map();
    groups.forEach((group, index) => {
      for (const node of group) this.groups.set(node, index);
    });
  }

  /** Removes every partition and every cut link. Link models stay as they were set. */
  heal(): void {
    this.groups = new Map();
    this.cuts = new Set();
  }
}

function definedOnly(change: Partial<LinkModel>): Partial<LinkModel> {
  const out: { -readonly [K in keyof LinkModel]?: LinkModel[K] } = {};
  if (change.latencyMs !== undefined) out.latencyMs = change.latencyMs;
  if (change.loss !== undefined) out.loss = change.loss;
  if (change.duplicate !== undefined) out.duplicate = change.duplicate;
  return out;
}
