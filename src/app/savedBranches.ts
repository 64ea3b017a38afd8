import type { Input } from '../engine/types';
import { toFile } from '../scenario/encode';
import { parseScenario } from '../scenario/parse';
import { MAX_TIME_MS } from '../scenario/schema';
import type { ProtocolLookup, Scenario } from '../scenario/types';
import type { Branch, BranchState } from './branches';

/**
 * The branches of a session as the autosave keeps them: the scenario's own inputs (its script, which a
 * new branch keeps), and each branch's inputs, name and where the user stood on it. Plain JSON.
 */
export interface SavedHistory {
  readonly script: readonly unknown[];
  readonly branchId: number;
  readonly branches: readonly {
    readonly id: number;
    readonly name: string;
    readonly parent: number | null;
    readonly forkAtMs: number;
    readonly action: string;
    readonly nowMs: number;
    readonly inputs: readonly unknown[];
  }[];
}

/** The session's history to save; the current branch's inputs are the live run's (`inputs`). */
export function historyToSave(scenario: Scenario, state: BranchState, inputs: readonly Input[]): SavedHistory {
  return {
    script: toFile(scenario).events as unknown[],
    branchId: state.branchId,
    branches: state.branches.map((b) => ({ ...b, inputs: [...(b.id === state.branchId ? inputs : b.inputs)] })),
  };
}

/**
 * Reads a saved history back against the run's file: every list of inputs is checked by the scenario
 * parser. Null when anything does not hold (the run itself is still restored, without its branches).
 */
export function historyFromSaved(
  value: unknown,
  file: Record<string, unknown>,
  lookup: ProtocolLookup,
): { scenario: Scenario; state: BranchState } | null {
  if (typeof value !== 'object' || value === null) return null;
  const saved = value as Partial<SavedHistory>;
  if (!Array.isArray(saved.script) || !Array.isArray(saved.branches) || typeof saved.branchId !== 'number') return null;
  const withEvents = (events: unknown) => {
    const result = parseScenario({ ...file, events }, lookup);
    return result.ok ? result.scenario : null;
  };
  const scenario = withEvents(saved.script);
  if (!scenario) return null;
  const branches: Branch[] = [];
  for (const b of saved.branches) {
    if (typeof b !== 'object' || b === null) return null;
    const { id, name, parent, forkAtMs, action, nowMs } = b;
    const fine =
      Number.isInteger(id) &&
      typeof name === 'string' &&
      (parent === null || Number.isInteger(parent)) &&
      isTime(forkAtMs) &&
      typeof action === 'string' &&
      isTime(nowMs);
    const run = fine ? withEvents(b.inputs) : null;
    if (!run) return null;
    branches.push({ id, name, parent, forkAtMs, action, nowMs, inputs: run.events });
  }
  if (!branches.some((b) => b.id === saved.branchId)) return null;
  return { scenario, state: { branches, branchId: saved.branchId } };
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_TIME_MS;
}
