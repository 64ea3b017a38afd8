import type { AnyProtocol } from '../engine/protocol';
import { splitRecordedState } from '../engine/recordedState';
import type { Simulation } from '../engine/simulation';
import type { NodeId, NodeView, TraceRecord } from '../engine/types';
import { DEFAULT_MAX_EVENTS, DEFAULT_MAX_RECORDS, OverBudget, runWithinBudget } from '../scenario/budget';
import { parseScenario } from '../scenario/parse';
import { createSimulation, runScenario } from '../scenario/run';
import type { ProtocolLookup } from '../scenario/types';
import type { Trial, TrialResult } from './types';

/** How far a trial measuring a milestone runs between looks at its trace: it stops at the milestone. */
const LOOK_EVERY_MS = 25;

/**
 * Plays one trial and measures it. Pure: the result is a function of the trial (and the protocol's code).
 * A milestone measure stops the run at the milestone; the other measures play it to `untilMs`. A run that
 * passes the runner's work budget (budget.ts) is refused: its result says why in `refused`.
 */
export function runTrial(trial: Trial, lookup: ProtocolLookup, budget: Budget = DEFAULT_BUDGET): TrialResult {
  try {
    return measured(trial, lookup, budget);
  } catch (error) {
    if (!(error instanceof OverBudget)) throw error;
    const refused = `trial ${trial.index} of ${JSON.stringify(trial.label)} (seed ${trial.seed}): ${error.message}`;
    return {
      parameter: trial.parameter,
      index: trial.index,
      seed: trial.seed,
      value: null,
      violations: 0,
      events: 0,
      refused,
    };
  }
}

/** The runner's work budget for one run (the `run` command's defaults). */
export interface Budget {
  readonly maxEvents: number;
  readonly maxRecords: number;
}
const DEFAULT_BUDGET: Budget = { maxEvents: DEFAULT_MAX_EVENTS, maxRecords: DEFAULT_MAX_RECORDS };

function measured(trial: Trial, lookup: ProtocolLookup, budget: Budget): TrialResult {
  const run = (sim: Simulation, t: number) => runWithinBudget(sim, t, budget.maxEvents, budget.maxRecords);
  const parsed = parseScenario(trial.scenario, lookup);
  if (!parsed.ok) throw new Error(`trial ${trial.index} of ${trial.label}: ${parsed.errors.join('; ')}`);
  const scenario = parsed.scenario;
  const protocol = lookup(scenario.protocol) as AnyProtocol;
  const { measure } = trial;
  const done = (sim: Simulation, value: number | null): TrialResult => ({
    parameter: trial.parameter,
    index: trial.index,
    seed: trial.seed,
    value,
    violations: sim.violations.length,
    events: sim.counters.events,
  });
  if (measure.kind === 'fact') {
    const { sim, summary } = runScenario(scenario, lookup, trial.untilMs, budget.maxEvents, budget.maxRecords);
    const fact = summary.facts?.[measure.fact]?.[measure.field];
    if (fact !== undefined && typeof fact !== 'number') {
      throw new Error(`measure: the fact ${measure.fact}.${measure.field} is not a number`);
    }
    return done(sim, fact ?? null);
  }
  const sim = createSimulation(scenario, lookup);
  const watch = new MilestoneWatch(protocol, measure.milestone);
  if (measure.kind === 'messages-per-milestone') {
    run(sim, trial.untilMs);
    watch.scan(sim.trace, sim.traceLength);
    return done(sim, watch.count === 0 ? null : sim.counters.sent / watch.count);
  }
  const input = (trial.scenario.events as { at: number; type: string }[])[measure.from] as { at: number; type: string };
  run(sim, input.at);
  watch.startAfter(originIndex(sim.trace, sim.traceLength, input));
  watch.scan(sim.trace, sim.traceLength);
  while (watch.firstAt === null && sim.now < trial.untilMs) {
    run(sim, Math.min(sim.now + LOOK_EVERY_MS, trial.untilMs));
    watch.scan(sim.trace, sim.traceLength);
  }
  return done(sim, watch.firstAt === null ? null : watch.firstAt - input.at);
}

/**
 * The trace position of the input's own record (a fault, a request, a caption at its time); when it wrote
 * none (a skipped input), the last record before its time. Milestones count from the record after it.
 */
function originIndex(trace: readonly TraceRecord[], length: number, input: { at: number; type: string }): number {
  let before = -1;
  for (let i = 0; i < length; i++) {
    const r = trace[i] as TraceRecord;
    if (r.t < input.at) before = i;
    else if (r.t === input.at && (r.kind === 'fault' ? r.type === input.type : r.kind === input.type)) return i;
  }
  return before;
}

/** Follows a trace's state records and finds the protocol's milestones of one kind, as the timeline does. */
class MilestoneWatch {
  private readonly views = new Map<NodeId, NodeView>();
  private scanned = 0;
  private from = Number.POSITIVE_INFINITY;
  count = 0;
  firstAt: number | null = null;

  constructor(
    private readonly protocol: AnyProtocol,
    private readonly kind: string,
  ) {}

  /** Milestones count only after trace position `index` (the first one after it sets `firstAt`). */
  startAfter(index: number): void {
    this.from = index;
  }

  scan(trace: readonly TraceRecord[], length: number): void {
    for (; this.scanned < length; this.scanned++) {
      const r = trace[this.scanned] as TraceRecord;
      if (r.kind !== 'state') continue;
      const before = this.views.get(r.node);
      const { view, isUp } = splitRecordedState(r.state);
      this.views.set(r.node, view);
      // A node going down reaches no milestone (markers.ts says the same for the timeline).
      if (!isUp) continue;
      for (const m of this.protocol.milestones?.(r.node, before, view) ?? []) {
        if (m.kind !== this.kind) continue;
        this.count++;
        if (this.firstAt === null && this.scanned > this.from) this.firstAt = r.t;
      }
    }
  }
}
