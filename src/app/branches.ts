import { inputKindOf } from '../engine/inputs/table';
import { Recording } from '../engine/recording';
import type { Input, VirtualMs } from '../engine/types';
import { getProtocol } from '../protocols';
import { createSimulation } from '../scenario/run';
import type { Scenario } from '../scenario/types';

/**
 * One line of history. A branch is its inputs (the scenario's and the user's, in the order they apply),
 * the time it split from its parent and the action that split it; nothing else is needed to rebuild it,
 * since a run is a pure function of its scenario and inputs.
 */
export interface Branch {
  readonly id: number;
  readonly name: string;
  readonly parent: number | null;
  readonly forkAtMs: VirtualMs;
  /** The action that started it, in words ("crash n1"); empty for the first branch. */
  readonly action: string;
  /** The inputs as they were when the user last left it (the live run holds the current branch's). */
  readonly inputs: readonly Input[];
  /** Where the user was on it when they left it. */
  readonly nowMs: VirtualMs;
}

/** The branches of a session and which one is current: plain data, for the store to publish. */
export interface BranchState {
  readonly branches: readonly Branch[];
  readonly branchId: number;
}

/*
 * The one owner of branching. A run is a pure function of its scenario and inputs, so a branch is its
 * inputs; the current branch's live run is a Recording. Acting in the past (the recording was computed
 * further than now) keeps the old future as a branch and starts a new one from here; switching rebuilds
 * the target's run from its inputs. Nothing else decides when a branch starts or what it keeps.
 */

/**
 * Applies a user's input at the recording's now. In the past, the current branch keeps its inputs and
 * where the user stood (`nowMs`), and a new branch, split by this input, becomes current. The new branch
 * keeps the scenario's own later inputs (`script`: its captions, pauses, requests and faults), so the
 * lesson goes on after a "what if"; the user's own later inputs stay on the branch they were made on.
 */
export function actOnBranch(
  state: BranchState,
  recording: Recording,
  input: Input,
  nowMs: VirtualMs,
  script: readonly Input[] = [],
): BranchState {
  let next = state;
  let later: readonly Input[] = [];
  if (recording.frontier > recording.now) {
    const old = state.branches.find((b) => b.id === state.branchId);
    const branch = forkBranch(state.branches, state.branchId, input);
    const kept = old ? withBranch(state.branches, { ...old, inputs: [...recording.sim.inputs], nowMs }) : [];
    next = { branches: [...kept, branch], branchId: branch.id };
    later = scriptedAfter(recording.sim.inputs, script, recording.now);
  }
  // The recording drops what it had computed past now: that future lives on in the kept branch's inputs.
  recording.apply(input);
  for (const scripted of later) recording.apply(scripted);
  return next;
}

/** The inputs after time `t` that are the scenario's own (`script`), in their order. */
export function scriptedAfter(inputs: readonly Input[], script: readonly Input[], t: VirtualMs): Input[] {
  const isScripted = scriptMarks(
    inputs.filter((i) => i.at > t),
    script,
  );
  return inputs.filter((i) => i.at > t).filter((_, k) => isScripted[k]);
}

/**
 * For each input, whether it is one of the scenario's own (`script`) rather than the user's: matched by
 * content, each scripted input at most once (the Script tab says where each input came from).
 */
export function scriptMarks(inputs: readonly Input[], script: readonly Input[]): boolean[] {
  const left = new Map<string, number>();
  for (const input of script) left.set(keyOf(input), (left.get(keyOf(input)) ?? 0) + 1);
  return inputs.map((input) => {
    const key = keyOf(input);
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    return count > 0;
  });
}

/** An input as text with its fields in a fixed order, so equal inputs give equal keys. */
export function keyOf(input: Input): string {
  return JSON.stringify(sorted(input));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sorted(v)]));
}

/**
 * Makes branch `id` current: the branch left keeps its inputs and `nowMs`; the target's run is rebuilt
 * from the scenario with its inputs. Null when there is no such other branch.
 */
export function switchToBranch(
  state: BranchState,
  id: number,
  scenario: Scenario,
  recording: Recording,
  nowMs: VirtualMs,
): { state: BranchState; recording: Recording; nowMs: VirtualMs } | null {
  const target = state.branches.find((b) => b.id === id);
  const current = state.branches.find((b) => b.id === state.branchId);
  if (!target || !current || id === state.branchId) return null;
  const branches = withBranch(state.branches, { ...current, inputs: [...recording.sim.inputs], nowMs });
  const rebuilt = new Recording(createSimulation({ ...scenario, events: [...target.inputs] }, getProtocol));
  return { state: { branches, branchId: id }, recording: rebuilt, nowMs: target.nowMs };
}

/** A branch to add whole: a run found elsewhere (a counterexample search), with its own inputs from time 0. */
export interface FoundBranch {
  readonly name: string;
  readonly action: string;
  readonly inputs: readonly Input[];
}

/**
 * Adds a found run as a new branch of the current one, split at 0, and makes it current: the branch left
 * keeps its inputs and where the user stood; the new one's run is built from the scenario with its inputs.
 */
export function addFoundBranch(
  state: BranchState,
  found: FoundBranch,
  scenario: Scenario,
  recording: Recording,
  nowMs: VirtualMs,
): { state: BranchState; recording: Recording } {
  const current = state.branches.find((b) => b.id === state.branchId);
  const kept = current ? withBranch(state.branches, { ...current, inputs: [...recording.sim.inputs], nowMs }) : [];
  const id = Math.max(0, ...state.branches.map((b) => b.id)) + 1;
  const branch: Branch = {
    id,
    name: found.name,
    parent: state.branchId,
    forkAtMs: 0,
    action: found.action,
    inputs: [...found.inputs],
    nowMs: 0,
  };
  const rebuilt = new Recording(createSimulation({ ...scenario, events: [...found.inputs] }, getProtocol));
  return { state: { branches: [...kept, branch], branchId: id }, recording: rebuilt };
}

export function mainBranch(inputs: readonly Input[]): Branch {
  return { id: 1, name: 'main', parent: null, forkAtMs: 0, action: '', inputs, nowMs: 0 };
}

/** The next branch, split from `parent` at `atMs` by `input`. */
export function forkBranch(branches: readonly Branch[], parent: number, input: Input): Branch {
  const id = Math.max(0, ...branches.map((b) => b.id)) + 1;
  return {
    id,
    name: `branch ${id} from ${seconds(input.at)}`,
    parent,
    forkAtMs: input.at,
    action: describeInput(input),
    inputs: [],
    nowMs: input.at,
  };
}

/** Replaces one branch, by id. */
export function withBranch(branches: readonly Branch[], branch: Branch): readonly Branch[] {
  return branches.map((b) => (b.id === branch.id ? branch : b));
}

/** Seconds with millisecond precision, as the branch names and the timeline say them. */
export function seconds(ms: VirtualMs): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

/** An input in a few words: what the user did (its kind's own words, engine/inputs). */
export function describeInput(input: Input): string {
  return inputKindOf(input).describe(input);
}
