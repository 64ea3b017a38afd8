import type { AnyProtocol } from '../engine/protocol';
import type { Simulation } from '../engine/simulation';
import type { SimSnapshot } from '../engine/snapshot';
import type { Input, Violation } from '../engine/types';
import { budgetReached } from '../scenario/budget';
import { parseScenario } from '../scenario/parse';
import { createSimulation } from '../scenario/run';
import type { ProtocolLookup, Scenario } from '../scenario/types';
import { checked } from './fuzz';
import { stableByTime } from './shrinkRun';

/** Virtual time between the checkpoints of a base run. */
const CHECKPOINT_MS = 100;

/** A run the next attempts are played from: its inputs, and its checkpoints while they hold. */
interface Base {
  /** The file without its events (and without `until` unless a workload depends on it). */
  readonly shape: string;
  readonly inputs: readonly Input[];
  readonly keys: readonly string[];
  readonly scenario: Scenario;
  sim: Simulation | null;
  /** Snapshots of this run at CHECKPOINT_MS, 2 * CHECKPOINT_MS, ...; every one valid for `sim`'s trace. */
  checkpoints: SimSnapshot[];
  /** The run's first violation during the run (not at its end), once the run has been played that far. */
  violation: Violation | null;
}

type Played = { readonly violation: Violation | null } | undefined;

/**
 * Plays shrink attempts as shrinkRun.ts `firstViolation` plays them, with the same answers, but from a
 * checkpoint of the base run (the smallest failing file so far) when an attempt's inputs agree with the base's
 * up to some time: everything before the first input where they differ is the base's run, so it starts from
 * the base's last checkpoint before it, as the app branches a run (the input log keeps the inputs up to the
 * checkpoint, and the attempt's later ones are applied). An attempt that agrees with the base past the base's
 * first violation has that violation first. Tests check the answers against fresh runs.
 */
export class PrefixReplay {
  /** How many attempts were played from a checkpoint (the others from time 0, or not at all). */
  fromCheckpoint = 0;
  private base: Base | null = null;
  /** The attempt played last, ready to become the base without playing it again. */
  private last: { readonly text: string; readonly base: Base } | null = null;

  constructor(
    private readonly protocol: AnyProtocol,
    private readonly lookup: ProtocolLookup,
    private readonly untilMs: number,
  ) {}

  /** The next attempts are played from `file`'s run (a failing attempt, just played). */
  rebase(file: Record<string, unknown>): void {
    const text = JSON.stringify(file);
    if (this.last?.text === text) this.base = this.last.base;
    else {
      const parsed = parseScenario(file, this.lookup);
      this.base = parsed.ok ? describe(file, parsed.scenario) : null;
    }
    this.last = null;
  }

  /** As shrinkRun.ts `firstViolation`: null when it breaks nothing, undefined when it is no attempt. */
  firstViolation(file: Record<string, unknown>): Violation | null | undefined {
    const parsed = parseScenario(file, this.lookup);
    if (!parsed.ok) return undefined;
    const attempt = describe(file, parsed.scenario);
    const end = parsed.scenario.until ?? this.untilMs;
    const played = this.play(attempt, end);
    this.last = { text: JSON.stringify(file), base: attempt };
    return played?.violation;
  }

  private play(attempt: Base, end: number): Played {
    const base = this.base;
    if (!base || base.shape !== attempt.shape) return this.fresh(attempt, end);
    const diverge = divergence(base, attempt);
    // The grid checkpoint before the first input that differs, within the attempt's run.
    const k = Math.min(Math.ceil(diverge / CHECKPOINT_MS) - 1, Math.floor(end / CHECKPOINT_MS));
    if (k >= 1) this.extend(base, k);
    if (base.violation && base.violation.time < diverge && base.violation.time <= end) {
      attempt.sim = base.sim;
      attempt.checkpoints = base.checkpoints.filter((c) => c.nowMs < diverge);
      attempt.violation = base.violation;
      return { violation: base.violation };
    }
    const from = Math.min(k, base.checkpoints.length);
    if (from < 1 || !base.sim) return this.fresh(attempt, end);
    const sim = base.sim;
    const checkpoint = base.checkpoints[from - 1] as SimSnapshot;
    // Acting at the checkpoint drops the trace after it: the base's later checkpoints are gone.
    base.checkpoints.length = from;
    sim.restore(checkpoint);
    sim.dropInputsAfter(checkpoint.nowMs);
    for (const input of attempt.inputs) if (input.at > checkpoint.nowMs) sim.apply(input);
    attempt.sim = sim;
    attempt.checkpoints = [...base.checkpoints];
    this.fromCheckpoint++;
    return this.run(attempt, end);
  }

  /** A run from time 0, with its own simulation. */
  private fresh(attempt: Base, end: number): Played {
    attempt.sim = createSimulation(attempt.scenario, this.lookup);
    attempt.checkpoints = [];
    return this.run(attempt, end);
  }

  /**
   * Plays `run.sim` from where it stands to `end`, taking the checkpoints it passes, and stops at the first
   * violation (the ones after it, the end-of-run check's and the history check's all come later).
   */
  private run(run: Base, end: number): Played {
    const sim = run.sim as Simulation;
    const more = () => this.checkpointDue(run, end, sim.nextEventAt());
    for (;;) {
      more();
      const next = sim.nextEventAt();
      if (next === undefined || next > end) break;
      if (budgetReached(sim)) return undefined;
      sim.step();
      if (sim.violations.length > 0) {
        run.violation = sim.violations[0] as Violation;
        return { violation: run.violation };
      }
    }
    sim.runUntil(end);
    sim.settle();
    return { violation: checked(sim, this.protocol)[0] ?? null };
  }

  /** Takes the checkpoints due before the next event (at most up to `end`). */
  private checkpointDue(run: Base, end: number, next: number | undefined): void {
    const sim = run.sim as Simulation;
    for (;;) {
      const due = (run.checkpoints.length + 1) * CHECKPOINT_MS;
      if (due > end || next === undefined || next <= due) return;
      sim.runUntil(due);
      run.checkpoints.push(sim.snapshot());
    }
  }

  /** Plays the base's own run on until it has `k` checkpoints, or stops at its first violation. */
  private extend(base: Base, k: number): void {
    if (base.checkpoints.length >= k) return;
    // Known to break before the k-th checkpoint: there is no state past the violation worth keeping.
    if (base.violation && base.violation.time <= k * CHECKPOINT_MS) return;
    if (!base.sim || base.checkpoints.length === 0) {
      base.sim = createSimulation(base.scenario, this.lookup);
      base.checkpoints = [];
    } else {
      const checkpoint = base.checkpoints[base.checkpoints.length - 1] as SimSnapshot;
      base.sim.restore(checkpoint);
      base.sim.dropInputsAfter(checkpoint.nowMs);
      for (const input of base.inputs) if (input.at > checkpoint.nowMs) base.sim.apply(input);
    }
    const sim = base.sim;
    const upTo = k * CHECKPOINT_MS;
    for (;;) {
      this.checkpointDue(base, upTo, sim.nextEventAt());
      const next = sim.nextEventAt();
      if (base.checkpoints.length >= k || next === undefined || next > upTo) break;
      if (budgetReached(sim)) return;
      sim.step();
      if (sim.violations.length > 0) {
        base.violation = sim.violations[0] as Violation;
        return;
      }
    }
    // A run with nothing left to do stands still: its later checkpoints are the same state at later times.
    this.checkpointDue(base, upTo, Number.POSITIVE_INFINITY);
  }
}

/** A parsed attempt as the replay compares it: what besides its inputs makes the run, and its inputs. */
function describe(file: Record<string, unknown>, scenario: Scenario): Base {
  const { events: _, until, ...rest } = file;
  // §1.5: a workload is expanded up to `until`, so there `until` is part of what makes the run.
  const shape = JSON.stringify(file.workload === undefined ? rest : { ...rest, until });
  const inputs = stableByTime(scenario.events);
  return {
    shape,
    inputs,
    keys: inputs.map((i) => JSON.stringify(i)),
    scenario,
    sim: null,
    checkpoints: [],
    violation: null,
  };
}

/** The time of the first input where two runs' inputs differ (in the order they apply); Infinity when none. */
function divergence(a: Base, b: Base): number {
  const n = Math.max(a.keys.length, b.keys.length);
  for (let i = 0; i < n; i++) {
    if (a.keys[i] !== b.keys[i]) {
      return Math.min(a.inputs[i]?.at ?? Number.POSITIVE_INFINITY, b.inputs[i]?.at ?? Number.POSITIVE_INFINITY);
    }
  }
  return Number.POSITIVE_INFINITY;
}
