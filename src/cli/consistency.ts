import type { Consistency, HistoryEntry, OpGrammar, SequentialModel } from '../engine/clients';
import { historyOf } from '../engine/history';
import type { TraceRecord } from '../engine/types';
import { type ConsistencyReport, type ConsistencyViolation, checkConsistency } from '../history/check';
import type { RunSummary } from '../scenario/run';

/** The runner JSON with the history check (§1.5, §1.9): `consistency`, and the declared guarantee's violation. */
export type CheckedSummary = Omit<RunSummary, 'violations'> & {
  readonly violations: readonly (RunSummary['violations'][number] | ConsistencyViolation)[];
  readonly consistency?: ConsistencyReport;
};

interface Declarations {
  readonly model?: SequentialModel;
  readonly consistency?: Consistency;
  readonly ops?: OpGrammar;
}

/**
 * After the run, when the protocol declares a `model` and the run has a history, checks it key by key (§1.5):
 * `consistency` joins the summary, a violation of the declared guarantee joins `violations` (so the exit
 * status), an undecided one joins `unchecked`. Nothing is written to the trace: `traceHash` never depends on it.
 */
export function withConsistency(
  summary: RunSummary,
  protocol: Declarations,
  trace: readonly TraceRecord[],
  history: readonly HistoryEntry[] = historyOf(trace),
): CheckedSummary {
  if (protocol.model === undefined || history.length === 0) return summary;
  const parse = protocol.ops === undefined ? undefined : (command: string) => protocol.ops?.parse(command) ?? null;
  const outcome = checkConsistency(history, protocol.model, protocol.consistency ?? null, parse ? { parse } : {});
  const unchecked = [...(summary.unchecked ?? []), ...outcome.unchecked];
  return {
    ...summary,
    violations: [...summary.violations, ...outcome.violations],
    ...(unchecked.length > 0 ? { unchecked } : {}),
    consistency: outcome.consistency,
  };
}
