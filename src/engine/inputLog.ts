import type { QueueEvent } from './runtime';
import type { Scheduled, Scheduler } from './scheduler';
import type { Input, VirtualMs } from './types';

/**
 * The inputs of a run, kept in time order (equal times in the order given, as a scenario file lists
 * them) and scheduled in the later phase of each instant. Being in time order makes "the inputs up to
 * time t" a prefix, which is what a branch keeps.
 */
export class InputLog {
  readonly inputs: Input[] = [];
  private shared: readonly Input[] | undefined;

  constructor(private readonly queue: Scheduler<QueueEvent>) {}

  /** Appends an input that comes after all others in time (the scenario's own, sorted up front). */
  push(input: Input): void {
    this.queue.push({ atMs: input.at, phase: 1, seq: this.inputs.length, event: { kind: 'input', input } });
    this.inputs.push(input);
  }

  /** Inserts an input after every input at or before its time; the ones after it move up one place. */
  insert(input: Input): void {
    let index = this.inputs.length;
    while (index > 0 && (this.inputs[index - 1] as Input).at > input.at) index--;
    if (index === this.inputs.length) {
      this.push(input);
      return;
    }
    this.inputs.splice(index, 0, input);
    this.rescheduleFrom(index);
  }

  /** Forgets every input after time t. */
  dropAfter(t: VirtualMs): void {
    let keep = this.inputs.length;
    while (keep > 0 && (this.inputs[keep - 1] as Input).at > t) keep--;
    if (keep === this.inputs.length) return;
    this.inputs.length = keep;
    this.rescheduleFrom(keep);
  }

  /** A copy of the inputs, shared by every snapshot taken while they do not change. */
  copy(): readonly Input[] {
    const shared = this.shared;
    if (shared && shared.length === this.inputs.length && shared.every((input, i) => input === this.inputs[i])) {
      return shared;
    }
    this.shared = this.inputs.slice();
    return this.shared;
  }

  /**
   * Rebuilds the queue from a snapshot's: the inputs pending then, and the ones added since, are
   * scheduled again under their current positions; inputs dropped since (a branch) are gone, and the
   * applied ones stay applied.
   */
  restoreQueue(queue: readonly Scheduled<QueueEvent>[], inputsThen: readonly Input[]): void {
    const pending = new Set<Input>();
    for (const e of queue) if (e.event.kind === 'input') pending.add(e.event.input);
    const known = new Set(inputsThen);
    this.queue.reset(queue.filter((e) => e.event.kind !== 'input'));
    this.inputs.forEach((input, i) => {
      if (pending.has(input) || !known.has(input)) {
        this.queue.push({ atMs: input.at, phase: 1, seq: i, event: { kind: 'input', input } });
      }
    });
  }

  private rescheduleFrom(index: number): void {
    this.queue.reset(this.queue.entries().filter((e) => e.event.kind !== 'input' || e.seq < index));
    for (let i = index; i < this.inputs.length; i++) {
      const input = this.inputs[i] as Input;
      this.queue.push({ atMs: input.at, phase: 1, seq: i, event: { kind: 'input', input } });
    }
  }
}
