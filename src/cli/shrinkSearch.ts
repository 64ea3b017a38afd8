import type { AnyProtocol } from '../engine/protocol';
import type { Violation } from '../engine/types';
import type { ProtocolLookup } from '../scenario/types';
import { firstViolation } from './shrinkRun';

/** A scenario file as plain JSON, the shape the shrinker edits. */
export type ScenarioFile = Record<string, unknown>;

/**
 * The shrinker's question, "does this candidate still break the same invariant first?", asked within a budget
 * of runs. A candidate that does not parse is no candidate: it costs no run and the answer is no. The answers
 * are kept by the candidate's text, so a candidate met twice is played once.
 */
export class ShrinkSearch {
  runs = 0;
  private readonly answers = new Map<string, Violation | null>();
  private bestInputs: number;

  constructor(
    private readonly protocol: AnyProtocol,
    private readonly lookup: ProtocolLookup,
    private readonly untilMs: number,
    readonly invariant: string,
    private readonly budget: number,
    /** How many inputs a candidate has (its events, and the requests of a workload it still has). */
    private readonly inputsOf: (file: ScenarioFile) => number,
    inputsBefore: number,
    private readonly onProgress?: (tries: number, inputs: number) => void,
  ) {
    this.bestInputs = inputsBefore;
  }

  get isSpent(): boolean {
    return this.runs >= this.budget;
  }

  /** True when `candidate` breaks the invariant first; false when it does not, is no candidate, or the budget is gone. */
  fails(candidate: ScenarioFile): boolean {
    return this.violation(candidate) !== null;
  }

  /** The candidate's first violation when it is of the invariant, else null (as `fails`). */
  violation(candidate: ScenarioFile): Violation | null {
    const key = JSON.stringify(candidate);
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    if (this.isSpent) return null;
    let first: Violation | null | undefined;
    try {
      first = firstViolation(candidate, this.protocol, this.lookup, this.untilMs);
    } catch {
      // A run the engine stops (a protocol breaking the kit's rules on this input) fails some other way.
      first = null;
    }
    // No candidate (it does not parse, or passes the run budgets): asked again, the answer is the same.
    if (first === undefined) {
      this.answers.set(key, null);
      return null;
    }
    this.runs++;
    const answer = first !== null && first.invariant === this.invariant ? first : null;
    this.answers.set(key, answer);
    if (answer) this.bestInputs = Math.min(this.bestInputs, this.inputsOf(candidate));
    this.onProgress?.(this.runs, this.bestInputs);
    return answer;
  }
}
