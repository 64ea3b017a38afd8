import type { Consistency, HistoryEntry, SequentialModel } from '../engine/clients';
import { minimalOps, type Search, type TimeUnit, violationAt, violationMessage } from './explain';
import { type CheckOp, cutAt, opsByKey, type ParseCommand } from './ops';
import { parseRegisterCommand, registerModel, unobservedUnknowns } from './register';
import { STEP_BUDGET, searchLinearizable } from './search';
import { searchSequential } from './sequential';

/** One guarantee's verdict (§1.5): with a violation, the key, the earliest failing cut and the ops to blame. */
export type GuaranteeResult =
  | { readonly verdict: 'ok' }
  | { readonly verdict: 'violation'; readonly key: string; readonly at: number; readonly ops: readonly number[] }
  | { readonly verdict: 'unknown'; readonly key: string };

/** The runner JSON's `consistency` object (§1.5). */
export interface ConsistencyReport {
  readonly model: string;
  readonly declared: Consistency | null;
  readonly linearizable: GuaranteeResult;
  readonly sequential: GuaranteeResult;
  /** Whether an `eventual` protocol's eventual invariants held; null when this check cannot tell. */
  readonly converged: boolean | null;
}

/** A violation of the declared guarantee, as it joins the runner's `violations`. */
export interface ConsistencyViolation {
  readonly invariant: 'linearizable' | 'sequential';
  readonly time: number;
  readonly message: string;
  readonly key: string;
  readonly ops: readonly number[];
}

export interface ConsistencyOutcome {
  readonly consistency: ConsistencyReport;
  readonly violations: readonly ConsistencyViolation[];
  /** A declared guarantee the search could not decide within its budget (§1.5: it goes to `unchecked`). */
  readonly unchecked: readonly { readonly invariant: string; readonly reason: string }[];
}

export interface CheckOptions {
  /** The grammar's parser for the history's commands [the register grammar]. */
  readonly parse?: ParseCommand;
  /** Model steps per key and guarantee [1,000,000]. */
  readonly budget?: number;
  /** How the history tells time, for the message [ms]; a Jepsen log's are line numbers. */
  readonly unit?: TimeUnit;
}

/**
 * Checks a history against a model, key by key (P-compositionality: a history is linearizable iff each key's
 * sub-history is, Herlihy & Wing 1990 Thm. 1), for linearizability and sequential consistency, and explains a
 * failure (§1.5). Only the `declared` guarantee makes a violation. Throws when a command does not parse.
 */
export function checkConsistency(
  history: readonly HistoryEntry[],
  model: SequentialModel,
  declared: Consistency | null,
  options: CheckOptions = {},
): ConsistencyOutcome {
  const budget = options.budget ?? STEP_BUDGET;
  const byKey = opsByKey(history, options.parse ?? parseRegisterCommand);
  const prune = model.id === registerModel.id ? withoutUnobserved : (ops: readonly CheckOp[]) => ops;
  const linSearch: Search = (ops) => searchLinearizable(prune(ops), model, budget);
  const seqSearch: Search = (ops) => searchSequential(prune(ops), model, budget);
  const unit = options.unit ?? 'ms';
  const linear = checkGuarantee(byKey, linSearch, unit);
  // A linearizable history is sequentially consistent (a linearization keeps each client's order): no search.
  const sequential = linear.result.verdict === 'ok' ? linear : checkGuarantee(byKey, seqSearch, unit);
  const consistency: ConsistencyReport = {
    model: model.id,
    declared,
    linearizable: linear.result,
    sequential: sequential.result,
    converged: null,
  };
  const violations: ConsistencyViolation[] = [];
  const unchecked: { invariant: string; reason: string }[] = [];
  if (declared === 'linearizable' || declared === 'sequential') {
    const found = declared === 'linearizable' ? linear : sequential;
    const result = found.result;
    if (result.verdict === 'violation') {
      violations.push({
        invariant: declared,
        time: result.at,
        message: found.message,
        key: result.key,
        ops: result.ops,
      });
    } else if (result.verdict === 'unknown') {
      unchecked.push({
        invariant: declared,
        reason: `the search of key ${JSON.stringify(result.key)} passed ${budget} steps`,
      });
    }
  }
  return { consistency, violations, unchecked };
}

interface Checked {
  readonly result: GuaranteeResult;
  readonly message: string;
}

/** The first failing key by its earliest failing cut (ties: key order); else `unknown` if a key ran out. */
function checkGuarantee(byKey: ReadonlyMap<string, CheckOp[]>, search: Search, unit: TimeUnit): Checked {
  let worst: { key: string; at: number; ops: CheckOp[] } | null = null;
  let unknownKey: string | null = null;
  for (const [key, ops] of byKey) {
    const verdict = search(ops);
    if (verdict === 'unknown' && unknownKey === null) unknownKey = key;
    if (verdict !== 'violation') continue;
    const at = violationAt(ops, search) ?? ops.reduce((t, op) => (op.isInfo ? t : Math.max(t, op.completeAt)), 0);
    if (worst === null || at < worst.at) worst = { key, at, ops };
  }
  if (worst !== null) {
    const blamed = minimalOps(cutAt(worst.ops, worst.at), search);
    return {
      result: { verdict: 'violation', key: worst.key, at: worst.at, ops: blamed.map((op) => op.id) },
      message: violationMessage(blamed, unit),
    };
  }
  if (unknownKey !== null) return { result: { verdict: 'unknown', key: unknownKey }, message: '' };
  return { result: { verdict: 'ok' }, message: '' };
}

/** The register's unknown writes nothing observes, left out before a search (register.ts: they never help). */
function withoutUnobserved(ops: readonly CheckOp[]): readonly CheckOp[] {
  const out = unobservedUnknowns(ops);
  return out.size === 0 ? ops : ops.filter((op) => !out.has(op.id));
}
