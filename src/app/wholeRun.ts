import { getProtocol, loadProtocol } from '../protocols';
import { budgetReached, DEFAULT_MAX_EVENTS, DEFAULT_MAX_RECORDS } from '../scenario/budget';
import { parseScenarioText } from '../scenario/parse';
import { protocolIdOf } from '../scenario/parseLoading';
import { createSimulation, DEFAULT_UNTIL_MS } from '../scenario/run';
import type { Marker } from './markers';
import { TraceIndex } from './traceIndex';

/** The timeline cannot show more than this many markers usefully; the rest are left out. */
export const MAX_MARKERS = 5_000;
/** How often the worker reports progress (and looks for a newer request), in wall ms. */
export const SLICE_WALL_MS = 50;

export interface WholeRunRequest {
  readonly key: string;
  readonly fileText: string;
}

export type WholeRunReply =
  | { readonly kind: 'progress'; readonly key: string; readonly doneMs: number; readonly horizonMs: number }
  | {
      readonly kind: 'done';
      readonly key: string;
      readonly horizonMs: number;
      readonly markers: readonly Marker[];
      readonly traceHash: string;
      readonly frontierMs: number;
    }
  | { readonly kind: 'error'; readonly key: string; readonly message: string }
  /** The run needs more than the event budget to reach its end: the runner refuses it the same way. */
  | { readonly kind: 'over-budget'; readonly key: string; readonly horizonMs: number; readonly message: string };

/**
 * Loads the protocol a request's file names (the worker starts with none), so `playWholeRun` finds it.
 * Never throws: a file that does not parse, or a protocol that cannot be fetched, is reported by
 * `playWholeRun` as an error reply.
 */
export async function loadWholeRunProtocol(request: WholeRunRequest): Promise<void> {
  try {
    const id = protocolIdOf(JSON.parse(request.fileText));
    if (id !== undefined) await loadProtocol(id);
  } catch {
    // Reported by playWholeRun.
  }
}

/**
 * Plays a scenario file headlessly to its end (`until`, else 10 s, as the command-line runner does, with
 * the runner's event budget: no other horizon, so the fingerprint is the runner's hash for every file),
 * one slice of wall time per step of the generator: the worker yields between slices so a newer
 * request can replace this one. Pure: the same engine, the same file, the same hash as `npm run -s sim`.
 */
export function* playWholeRun(
  request: WholeRunRequest,
  clock: () => number = () => performance.now(),
  maxEvents: number = DEFAULT_MAX_EVENTS,
  maxRecords: number = DEFAULT_MAX_RECORDS,
): Generator<WholeRunReply, void, void> {
  const { key } = request;
  const parsed = parseScenarioText(request.fileText, getProtocol);
  if (!parsed.ok) {
    yield { kind: 'error', key, message: parsed.errors.join('; ') };
    return;
  }
  const scenario = parsed.scenario;
  const sim = createSimulation(scenario, getProtocol);
  const index = new TraceIndex(sim.trace);
  const horizonMs = scenario.until ?? DEFAULT_UNTIL_MS;
  for (;;) {
    const start = clock();
    let steps = 0;
    let isDone = false;
    for (;;) {
      const next = sim.nextEventAt();
      if (next === undefined || next > horizonMs) {
        sim.runUntil(horizonMs);
        isDone = true;
        break;
      }
      const over = budgetReached(sim, maxEvents, maxRecords);
      if (over) {
        yield { kind: 'over-budget', key, horizonMs, message: over.message };
        return;
      }
      sim.step();
      if (++steps % 64 === 0 && clock() - start >= SLICE_WALL_MS) break;
    }
    if (isDone) break;
    yield { kind: 'progress', key, doneMs: sim.now, horizonMs };
  }
  yield {
    kind: 'done',
    key,
    horizonMs,
    markers: index.markers(sim.protocol).slice(0, MAX_MARKERS),
    traceHash: sim.traceHash,
    frontierMs: sim.now,
  };
}
