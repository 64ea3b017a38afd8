import type { Simulation } from '../engine/simulation';
import type { Input, NodeId, TraceRecord, VirtualMs } from '../engine/types';
import { getProtocol } from '../protocols';
import { createSimulation } from '../scenario/run';
import type { Scenario } from '../scenario/types';
import { circleLayout, type XY } from './layout';

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

export interface AppState {
  readonly scenario: Scenario;
  readonly presetId: string | null;
  readonly sim: Simulation;
  /** Bumps on every new run, so views keyed by it start fresh. */
  readonly runId: number;
  /** Virtual time the picture shows. */
  readonly now: VirtualMs;
  /** Bumps whenever the simulation processed something: views that ignore time key on it. */
  readonly revision: number;
  /** Bumps whenever a fault input changed the network (cut, mend, partition, heal, link, network): links key on it. */
  readonly faultRevision: number;
  readonly playing: boolean;
  /** Virtual ms per wall-clock ms: 0.05 plays 20 times slower than real time. */
  readonly speed: number;
  readonly selection: Selection;
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
}

/** An input as a UI handler builds it: the store stamps the time. */
export type Action = Input extends infer I ? (I extends Input ? Omit<I, 'at'> : never) : never;

export const DEFAULT_SPEED = 0.05;
/** A frame never advances the engine by more than this many events, so a fast speed cannot freeze the page. */
const MAX_STEPS_PER_FRAME = 20_000;
/** After the tab was hidden, do not jump ahead by the whole absence. */
const MAX_FRAME_MS = 100;

type Listener = () => void;

/**
 * The one owner of the current run. UI handlers hand it inputs; it applies them at the current
 * virtual time through `sim.apply` and publishes a new state. The clock (`tick`) advances virtual
 * time by speed x wall time and stops at pause points, at new violations and at the scenario's end.
 */
export class Store {
  private state: AppState;
  private readonly listeners = new Set<Listener>();
  private seenViolations = 0;
  private hasPassedUntil = false;

  constructor(scenario: Scenario, options: { presetId?: string | null; speed?: number; playing?: boolean } = {}) {
    this.state = this.fresh(scenario, options.presetId ?? null, 0, options.speed ?? DEFAULT_SPEED);
    this.state = { ...this.state, playing: options.playing ?? true };
  }

  getState = (): AppState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private fresh(scenario: Scenario, presetId: string | null, runId: number, speed: number): AppState {
    this.seenViolations = 0;
    this.hasPassedUntil = false;
    return {
      scenario,
      presetId,
      sim: createSimulation(scenario, getProtocol),
      runId,
      now: 0,
      revision: 0,
      faultRevision: 0,
      playing: true,
      speed,
      selection: null,
      picked: [],
      positions: circleLayout(scenario.nodes),
      menuFor: null,
      isBoxSelect: this.state?.isBoxSelect ?? false,
      alert: null,
      notice: null,
    };
  }

  /** Starts a new run of a scenario from time 0 (a preset, another protocol, size, seed or bug). */
  load(scenario: Scenario, presetId: string | null = null): void {
    const { runId, speed } = this.state;
    this.state = this.fresh(scenario, presetId, runId + 1, speed);
    this.advance(0);
  }

  /** Applies a user's action as an input at the current virtual time, and shows its effect at once. */
  act(action: Action): void {
    const { sim } = this.state;
    const at = Math.max(Math.ceil(this.state.now), Math.ceil(sim.now));
    sim.apply({ ...action, at } as Input);
    this.advance(at, true);
  }

  play(): void {
    this.set({ playing: true, notice: null });
  }

  pause(): void {
    this.set({ playing: false });
  }

  togglePlay(): void {
    if (this.state.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: number): void {
    this.set({ speed });
  }

  /** Runs ahead to a virtual time at once (benchmarks and tests set a scene this way). */
  runTo(target: VirtualMs): void {
    if (target > this.state.now) this.advance(target, true, Number.POSITIVE_INFINITY);
  }

  /** Pauses and processes exactly the next pending event. */
  stepEvent(): void {
    const next = this.state.sim.nextEventAt();
    this.state = { ...this.state, playing: false };
    if (next === undefined) {
      this.set({});
      return;
    }
    this.advance(next, true, 1);
  }

  setBoxSelect(isBoxSelect: boolean): void {
    this.set({ isBoxSelect });
  }

  openMenu(menuFor: NodeId | null): void {
    if (menuFor !== this.state.menuFor) this.set({ menuFor });
  }

  select(selection: Selection): void {
    this.set({ selection });
  }

  setPicked(picked: readonly NodeId[]): void {
    const same = picked.length === this.state.picked.length && picked.every((id, i) => this.state.picked[i] === id);
    if (!same) this.set({ picked });
  }

  togglePicked(id: NodeId): void {
    const { picked } = this.state;
    this.set({ picked: picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id] });
  }

  moveNode(id: NodeId, position: XY): void {
    this.set({ positions: { ...this.state.positions, [id]: position } });
  }

  dismissAlert(): void {
    this.set({ alert: null });
  }

  /** The clock: called once per animation frame with the wall-clock time of that frame. */
  tick(elapsedMs: number): void {
    if (!this.state.playing) return;
    const dt = Math.min(Math.max(elapsedMs, 0), MAX_FRAME_MS);
    this.advance(this.state.now + dt * this.state.speed);
  }

  /**
   * Runs the engine up to `target`, event by event, stopping early at a pause point or a new
   * violation (and once at the scenario's `until`), then publishes. `force` publishes even when the
   * engine did nothing (an input was scheduled, or the play state changed).
   */
  private advance(target: VirtualMs, force = false, maxSteps = MAX_STEPS_PER_FRAME): void {
    const { sim, scenario } = this.state;
    const traceBefore = sim.trace.length;
    let hasFault = false;
    let stop: TraceRecord | null = null;
    let steps = 0;
    let isTruncated = false;
    for (;;) {
      const next = sim.nextEventAt();
      if (next === undefined || next > target) break;
      if (steps >= maxSteps) {
        isTruncated = true;
        break;
      }
      const from = sim.trace.length;
      sim.step();
      steps++;
      for (let i = from; i < sim.trace.length; i++) {
        const record = sim.trace[i] as TraceRecord;
        if (record.kind === 'pause' || record.kind === 'violation') stop ??= record;
        if (record.kind === 'fault') hasFault = true;
      }
      if (stop) break;
    }
    const patch: { -readonly [K in keyof AppState]?: AppState[K] } = {};
    if (stop) {
      patch.playing = false;
      patch.now = sim.now;
      if (stop.kind === 'pause') patch.notice = stop.text ? `Paused: ${stop.text}` : 'Paused at a stop point.';
    } else if (isTruncated) {
      // More events are due at or before the target: stand at the last one processed (a step, or a
      // frame that hit its budget) so nothing at the same instant runs behind the user's back.
      patch.now = sim.now;
    } else {
      const until = scenario.until;
      if (until !== undefined && !this.hasPassedUntil && target >= until && this.state.playing) {
        this.hasPassedUntil = true;
        target = Math.max(until, sim.now);
        patch.playing = false;
        patch.notice = `The scenario ends here (${formatMs(until)}). Press Play to keep the cluster running.`;
      }
      sim.runUntil(target);
      patch.now = target;
    }
    if (sim.violations.length > this.seenViolations) {
      const violation = sim.violations[this.seenViolations];
      this.seenViolations = sim.violations.length;
      if (violation) {
        const event = sim.trace.findIndex(
          (r) => r.kind === 'violation' && r.invariant === violation.invariant && r.message === violation.message,
        );
        patch.alert = { ...violation, event: event + 1 };
        patch.playing = false;
        patch.notice = null;
      }
    }
    if (sim.trace.length !== traceBefore || steps > 0 || force) patch.revision = this.state.revision + 1;
    if (hasFault) patch.faultRevision = this.state.faultRevision + 1;
    this.set(patch);
  }
}

export function formatMs(ms: VirtualMs): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 1 : 3)} s` : `${Math.round(ms)} ms`;
}
