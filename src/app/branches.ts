import { kindOf } from '../engine/inputs/table';
import type { Input, VirtualMs } from '../engine/types';

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
  return kindOf(input).describe(input);
}
