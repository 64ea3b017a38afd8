import type { OnTheWire, SeriesDeclaration, SeriesWorld, World } from './protocol';
import type { NodeId, VirtualMs } from './types';

/** spec/protocols.md §1.1: `sampleMs`, the series sampling period [100]. */
export const DEFAULT_SAMPLE_MS = 100;
export const MIN_SAMPLE_MS = 10;
export const MAX_SAMPLE_MS = 60_000;

/** One sampled name's points, as the runner writes them (§1.8): `[[t, value], ...]`. */
export type SeriesPoints = readonly (readonly [VirtualMs, number | null])[];

/** What the app plots: the sample times and, per name, one value (or null) at each. */
export interface SeriesTable {
  readonly times: readonly VirtualMs[];
  readonly columns: readonly SeriesColumn[];
}

export interface SeriesColumn {
  /** `name`, `name.<node>` or `name.<observer>.<peer>` (§1.8). */
  readonly key: string;
  readonly declaration: SeriesDeclaration;
  /** The node (per node) or the observer (per pair); null for a run's series. */
  readonly node: NodeId | null;
  readonly peer: NodeId | null;
  readonly values: readonly (number | null)[];
}

interface Column {
  readonly key: string;
  readonly declaration: SeriesDeclaration;
  readonly node: NodeId | null;
  readonly peer: NodeId | null;
  /** The index of its first sample: a name that appears later has nulls before it. */
  readonly first: number;
  readonly values: (number | null)[];
}

/** A sampled value: a finite number, else null (a series must never make a point out of NaN or text). */
const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** A map's own entry (a protocol may hand a plain object keyed by node ids: never read its prototype). */
const ownEntry = (map: unknown, key: string): unknown =>
  typeof map === 'object' && map !== null && Object.hasOwn(map, key)
    ? (map as Record<string, unknown>)[key]
    : undefined;

/**
 * Samples a protocol's series (spec/protocols.md §1.8) at t = 0, sampleMs, 2·sampleMs, ..., each taken after
 * every event at t. Sampling is not an event: the simulation calls `before(next)` before it processes an event at
 * `next` (every sample time before it sees the state after every event up to it) and `through(t)` when it stands
 * at t, and nothing here writes to the trace, so the trace hash never depends on it.
 *
 * Like the journal's trace, samples past now are the run's known future after a rewind: replaying takes the same
 * samples, so they are kept; a new input at now drops every sample from now on (`forgetFrom`).
 */
export class SeriesSampler {
  private readonly columns = new Map<string, Column>();
  private readonly times: VirtualMs[] = [];

  constructor(
    private readonly declarations: readonly SeriesDeclaration[],
    readonly sampleMs: number,
    private readonly world: () => World,
    /** Each node's local clock reading now (§1.4: `world.localNow(id)`). */
    private readonly localNow: (id: NodeId) => VirtualMs = () => this.world().nowMs,
    /** The messages on the wire now (`world.inFlight()`). */
    private readonly inFlight: () => readonly OnTheWire[] = () => [],
  ) {}

  /** Bumped whenever known samples are forgotten: a reader keyed by (revision, count) never shows stale ones. */
  revision = 0;

  /** How many sample times are known. */
  get count(): number {
    return this.times.length;
  }

  /** How many known samples are at or before `t`. */
  countThrough(t: VirtualMs): number {
    return t < 0 ? 0 : Math.min(this.times.length, Math.floor(t / this.sampleMs) + 1);
  }

  /** Takes every sample due strictly before `nextMs` (the time of the event about to be processed). */
  before(nextMs: VirtualMs): void {
    while (this.nextTime() < nextMs) this.take();
  }

  /** Takes every sample due at or before `t` (the simulation stands at t with nothing more due by then). */
  through(t: VirtualMs): void {
    while (this.nextTime() <= t) this.take();
  }

  /** Forgets every sample at or after `t`: the run changed from there (a new input at t applies after t's events). */
  forgetFrom(t: VirtualMs): void {
    const keep = Math.max(0, Math.ceil(t / this.sampleMs));
    if (keep >= this.times.length) return;
    this.revision++;
    this.times.length = keep;
    for (const [key, column] of this.columns) {
      if (column.first >= keep) this.columns.delete(key);
      else column.values.length = keep;
    }
  }

  /** Every name's points, as runner JSON writes them. */
  points(): Record<string, SeriesPoints> {
    const out: Record<string, SeriesPoints> = Object.create(null);
    for (const column of this.columns.values()) {
      out[column.key] = column.values.map((v, i) => [this.times[i] as number, v] as const);
    }
    return out;
  }

  /** The samples up to `t` (the app's now), in columns, declaration by declaration in node order. */
  table(t: VirtualMs = Number.POSITIVE_INFINITY): SeriesTable {
    const n = this.countThrough(t);
    const columns: SeriesColumn[] = [];
    for (const c of this.columns.values()) {
      columns.push({
        key: c.key,
        declaration: c.declaration,
        node: c.node,
        peer: c.peer,
        values: c.values.slice(0, n),
      });
    }
    return { times: this.times.slice(0, n), columns };
  }

  private nextTime(): VirtualMs {
    return this.times.length * this.sampleMs;
  }

  private take(): void {
    const index = this.times.length;
    const base = this.world();
    const world: SeriesWorld = { ...base, localNow: this.localNow, inFlight: this.inFlight };
    this.times.push(index * this.sampleMs);
    for (const declaration of this.declarations) {
      const sampled = declaration.sample(world);
      switch (declaration.per) {
        case 'run':
          this.put(declaration.name, declaration, null, null, index, numberOrNull(sampled));
          break;
        case 'node':
          for (const { id } of world.nodes) {
            const value = ownEntry(sampled, id);
            if (value !== undefined)
              this.put(`${declaration.name}.${id}`, declaration, id, null, index, numberOrNull(value));
          }
          break;
        case 'pair':
          for (const { id: observer } of world.nodes) {
            const row = ownEntry(sampled, observer);
            if (row === undefined) continue;
            for (const { id: peer } of world.nodes) {
              const value = ownEntry(row, peer);
              if (value !== undefined) {
                this.put(
                  `${declaration.name}.${observer}.${peer}`,
                  declaration,
                  observer,
                  peer,
                  index,
                  numberOrNull(value),
                );
              }
            }
          }
          break;
        default:
          declaration.per satisfies never;
      }
    }
    // A name the protocol did not give this time has no value at this time.
    for (const column of this.columns.values()) if (column.values.length <= index) column.values.push(null);
  }

  private put(
    key: string,
    declaration: SeriesDeclaration,
    node: NodeId | null,
    peer: NodeId | null,
    index: number,
    value: number | null,
  ): void {
    let column = this.columns.get(key);
    if (!column) {
      column = { key, declaration, node, peer, first: index, values: new Array<number | null>(index).fill(null) };
      this.columns.set(key, column);
    }
    if (column.values.length === index) column.values.push(value);
  }
}
