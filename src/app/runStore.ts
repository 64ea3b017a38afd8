import { Recording } from '../engine/recording';
import type { Layout } from '../engine/topology';
import type { Input, VirtualMs } from '../engine/types';
import { getProtocol } from '../protocols';
import { budgetReached, DEFAULT_MAX_EVENTS, DEFAULT_MAX_RECORDS } from '../scenario/budget';
import { createSimulation } from '../scenario/run';
import type { Scenario } from '../scenario/types';
import { actOnBranch, mainBranch } from './branches';
import { frameOf } from './frame';
import { layoutFor } from './layout';
import { budgetNotice, eventNumberOf, type FrameWork, runFrame } from './runFrame';
import { SeekJob } from './seekJob';
import { type Action, type AppState, formatMs, type LoadOptions, type StoreOptions } from './state';

export type { LoadOptions, StoreOptions } from './state';

export const DEFAULT_SPEED = 0.05;
/** A frame never advances the engine by more than this many events, so a fast speed cannot freeze the page. */
const MAX_STEPS_PER_FRAME = 20_000;
/** After the tab was hidden, do not jump ahead by the whole absence. */
const MAX_FRAME_MS = 100;

type Listener = () => void;

export type Patch = { -readonly [K in keyof AppState]?: AppState[K] };

/**
 * The core of the store (`store.ts`): the one owner of the current run, a rewindable Recording, which
 * no component ever sees. UI handlers hand it inputs; it applies them at the current virtual time and
 * publishes a new state with a new frame (frame.ts), the plain value every component reads. The
 * clock (`tick`) advances virtual time by speed x wall time and stops at pause points, at new violations
 * and at the scenario's end. Seeking moves the run to any time and pauses; acting in the past starts a
 * new branch and keeps the old future as another.
 */
export class RunStore {
  protected state: AppState;
  private readonly listeners = new Set<Listener>();
  protected seenViolations = 0;
  protected hasPassedUntil = false;
  protected job: SeekJob | null = null;
  protected recording!: Recording;

  /** The event budget of every run this store plays (scenario/budget.ts). */
  protected readonly maxEvents: number;
  /** The trace-record budget of every run this store plays. */
  protected readonly maxRecords: number;
  /** The page's wall-time budget per frame; none in tests, which step by events alone. */
  private readonly frameWork: FrameWork | null;
  /** The view's layout override, or null for the protocol's hint. */
  private readonly layoutOverride: Layout | null;

  constructor(scenario: Scenario, options: StoreOptions = {}) {
    this.maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
    this.maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
    this.layoutOverride = options.layout ?? null;
    this.frameWork = options.frameWork ?? null;
    this.state = this.fresh(scenario, options.presetId ?? null, 0, options.speed ?? DEFAULT_SPEED);
    this.state = { ...this.state, playing: options.playing ?? true };
    // What happens at time 0 (inputs at 0, a restored save's crash) has happened when the page shows.
    this.advance(0, true);
  }

  getState = (): AppState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  protected set(patch: Patch): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private fresh(scenario: Scenario, presetId: string | null, runId: number, speed: number): AppState {
    this.seenViolations = 0;
    this.hasPassedUntil = false;
    this.job = null;
    this.recording = new Recording(createSimulation(scenario, getProtocol));
    return {
      scenario,
      presetId,
      frame: frameOf(this.recording.sim, null, true),
      runId,
      now: 0,
      frontier: 0,
      playing: true,
      speed,
      selection: null,
      hoveredMessage: null,
      picked: [],
      positions: layoutFor(this.recording.sim.shape, this.layoutOverride),
      menuFor: null,
      isBoxSelect: this.state?.isBoxSelect ?? false,
      alert: null,
      notice: null,
      message: this.state?.message ?? null,
      branches: [mainBranch(scenario.events)],
      branchId: 1,
      seeking: null,
      wholeRun: null,
    };
  }

  /** Starts a new run of a scenario from time 0 (a preset, a file, a link, another size, seed or bug). */
  load(scenario: Scenario, presetId: string | null = null, options: LoadOptions = {}): void {
    const { runId, speed } = this.state;
    this.state = this.fresh(scenario, presetId, runId + 1, speed);
    if (options.playing !== undefined) this.state = { ...this.state, playing: options.playing };
    this.advance(0, true);
    if (options.nowMs !== undefined && options.nowMs > 0) this.seek(options.nowMs);
  }

  /**
   * Applies a user's action as an input at the current virtual time, and shows its effect at once. In
   * the past (after a seek back), the old future is kept as a branch and this one becomes current.
   */
  act(action: Action): void {
    this.cancelSeek();
    const at = Math.max(Math.ceil(this.state.now), Math.ceil(this.recording.now));
    const input = { ...action, at } as Input;
    const { branches, branchId } = actOnBranch(
      this.state,
      this.recording,
      input,
      this.state.now,
      this.state.scenario.events,
    );
    this.state = { ...this.state, branches, branchId };
    this.advance(at, true);
  }

  play(): void {
    this.cancelSeek();
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
    this.cancelSeek();
    const next = this.recording.sim.nextEventAt();
    this.state = { ...this.state, playing: false };
    if (next === undefined) {
      this.set({});
      return;
    }
    this.advance(next, true, 1);
  }

  dismissAlert(): void {
    this.set({ alert: null });
  }

  /** The clock: called once per animation frame with the wall-clock time of that frame. */
  tick(elapsedMs: number): void {
    if (this.job) {
      this.continueSeek();
      return;
    }
    if (!this.state.playing) return;
    const dt = Math.min(Math.max(elapsedMs, 0), MAX_FRAME_MS);
    this.advance(this.state.now + dt * this.state.speed);
  }

  // ---- time travel -----------------------------------------------------------------------------

  /** Moves the run to time t and pauses there; past the computed frontier it runs a slice per frame. */
  seek(t: VirtualMs): void {
    this.cancelSeek();
    const recording = this.recording;
    const target = Math.max(0, t);
    this.state = { ...this.state, playing: false, notice: null };
    if (target <= recording.frontier) {
      recording.seek(target);
      this.arrived(target);
      return;
    }
    recording.seek(recording.frontier);
    this.job = new SeekJob(recording, target, this.maxEvents, undefined, this.maxRecords);
    this.continueSeek();
  }

  /** Puts another run of the same scenario in place (another branch), standing at its start. */
  protected replaceRecording(recording: Recording, patch: Patch): void {
    this.cancelSeek();
    this.recording = recording;
    this.state = { ...this.state, ...patch, frame: frameOf(recording.sim, null, true), selection: null, menuFor: null };
    this.arrived(0);
  }

  protected cancelSeek(): void {
    if (!this.job) return;
    this.job = null;
    this.arrived(this.recording.now);
  }

  private continueSeek(): void {
    const job = this.job;
    if (!job) return;
    if (job.run()) {
      this.job = null;
      this.arrived(job.overBudget ? this.recording.now : job.targetMs);
      if (job.overBudget) this.set({ notice: budgetNotice(job.overBudget) });
    } else {
      this.set({
        seeking: { targetMs: job.targetMs, progress: job.progress },
        frontier: this.recording.frontier,
      });
    }
  }

  /** Publishes a jump in time: the picture, the alert and the stop points all start over from here. */
  protected arrived(now: VirtualMs): void {
    const { scenario, alert } = this.state;
    this.seenViolations = this.recording.sim.violations.length;
    this.hasPassedUntil = scenario.until !== undefined && now >= scenario.until;
    this.set({
      now,
      frontier: this.recording.frontier,
      playing: false,
      seeking: null,
      alert: alert && alert.time <= now ? alert : null,
      frame: frameOf(this.recording.sim, this.state.frame, true),
    });
  }

  /**
   * Runs the engine up to `target`, event by event, stopping early at a pause point or a new
   * violation (and once at the scenario's `until`), then publishes. `force` publishes even when the
   * engine did nothing (an input was scheduled, or the play state changed).
   */
  protected advance(target: VirtualMs, force = false, maxSteps = MAX_STEPS_PER_FRAME): void {
    const { recording } = this;
    const { sim } = recording;
    const { scenario } = this.state;
    const traceBefore = sim.traceLength;
    // The runner's budgets hold here too: past one the run stops and says so (scenario/budget.ts). The
    // event budget cuts the frame at the very event; the record budget is looked at between frames.
    const isOverRecords = sim.traceLength >= this.maxRecords;
    const left = isOverRecords ? 0 : this.maxEvents - sim.steps;
    const work = this.frameWork;
    const start = work?.clock() ?? 0;
    // Only a frame of play keeps to the page's wall-time budget; runTo (tests, benchmarks) runs at once.
    const isOverTime = work && Number.isFinite(maxSteps) ? () => work.clock() - start >= work.maxMs : undefined;
    const { stop, hasFault, steps, isTruncated } = runFrame(recording, target, Math.min(maxSteps, left), isOverTime);
    const patch: Patch = {};
    const over = isTruncated ? budgetReached(sim, this.maxEvents, this.maxRecords) : null;
    if (over) {
      patch.playing = false;
      patch.now = sim.now;
      patch.notice = budgetNotice(over);
    } else if (stop) {
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
      recording.seek(target);
      patch.now = target;
    }
    if (sim.violations.length > this.seenViolations) {
      const violation = sim.violations[this.seenViolations];
      this.seenViolations = sim.violations.length;
      if (violation) {
        patch.alert = { ...violation, event: eventNumberOf(sim.trace, sim.traceLength, violation) };
        patch.playing = false;
        patch.notice = null;
      }
    }
    patch.frontier = recording.frontier;
    // A new frame only when the engine moved (or was handed an input): otherwise every slice stays as it was.
    if (sim.traceLength !== traceBefore || steps > 0 || force) patch.frame = frameOf(sim, this.state.frame, hasFault);
    this.set(patch);
  }
}
