import type { AnyProtocol } from '../engine/protocol';
import type { Violation } from '../engine/types';
import type { ProtocolLookup } from '../scenario/types';
import { PrefixReplay } from './shrinkReplay';

/** A scenario file as plain JSON, the shape the shrinker edits. */
export type ScenarioFile = Record<string, unknown>;

/**
 * The shrinker's question, "does this attempt still break the same invariant first?", asked within a budget
 * of runs. An attempt that does not parse is no attempt: it costs no run and the answer is no. The answers
 * are kept by the attempt's text, so an attempt met twice is played once.
 */
export class ShrinkSearch {
  runs = 0;
  private readonly answers = new Map<string, Violation | null>();
  private bestInputs: number;
  private readonly replay: PrefixReplay;

  constructor(
    protocol: AnyProtocol,
    lookup: ProtocolLookup,
    untilMs: number,
    readonly invariant: string,
    private readonly budget: number,
    /** How many inputs an attempt has (its events, and the requests of a workload it still has). */
    private readonly inputsOf: (file: ScenarioFile) => number,
    inputsBefore: number,
    private readonly onProgress?: (tries: number, inputs: number) => void,
  ) {
    this.bestInputs = inputsBefore;
    this.replay = new PrefixReplay(protocol, lookup, untilMs);
  }

  get isSpent(): boolean {
    return this.runs >= this.budget;
  }

  /** True when `attempt` breaks the invariant first; false when it does not, is no attempt, or the budget is gone. */
  fails(attempt: ScenarioFile): boolean {
    return this.violation(attempt) !== null;
  }

  /** The attempt's first violation when it is of the invariant, else null (as `fails`). */
  violation(attempt: ScenarioFile): Violation | null {
    const key = JSON.stringify(attempt);
    const known = this.answers.get(key);
    if (known !== undefined) {
      // A failing attempt becomes the shrink's current file: the next attempts are played from its run.
      if (known) this.replay.rebase(attempt);
      return known;
    }
    if (this.isSpent) return null;
    let first: Violation | null | undefined;
    try {
      first = this.replay.firstViolation(attempt);
    } catch {
      // A run the engine stops (a protocol breaking the kit's rules on this input) fails some other way.
      first = null;
    }
    // No attempt (it does not parse, or passes the run budgets): asked again, the answer is the same.
    if (first === undefined) {
      this.answers.set(key, null);
      return null;
    }
    this.runs++;
    const answer = first !== null && first.invariant === this.invariant ? first : null;
    this.answers.set(key, answer);
    if (answer) {
      this.replay.rebase(attempt);
      this.bestInputs = Math.min(this.bestInputs, this.inputsOf(attempt));
    }
    this.onProgress?.(this.runs, this.bestInputs);
    return answer;
  }
}
