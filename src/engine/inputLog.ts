import type { QueueEvent } from './runtime';
import type { Scheduled, Scheduler } from './scheduler';
import type { Input, VirtualMs } from './types';

/** The queue's sequence numbers of generated inputs start here, past any index of the input log. */
const GENERATED_SEQ = 2 ** 40;

/**
 * The inputs of a run, kept in time order (equal times in the order given, as a scenario file lists
 * them) and scheduled in the later phase of each instant. Being in time order makes "the inputs up to
 * time t" a prefix, which is what a branch keeps.
 */
export class InputLog {
  readonly inputs: Input[] = [];
  private shared: readonly Input[] | undefined;
  /** §1.5: a workload's generated inputs, in time order; entry j is scheduled with seq GENERATED_SEQ + j. */
  private generated: readonly Input[] = [];

  constructor(private readonly queue: Scheduler<QueueEvent>) {}

  /** Appends an input that comes after all others in time (the scenario's own, sorted up front). */
  push(input: Input): void {
    this.queue.push({ atMs: input.at, phase: 1, seq: this.inputs.length, event: { kind: 'input', input } });
    this.inputs.push(input);
  }

  /**
   * §1.5: schedules a workload's generated inputs. They sort after every input at the same time (file events
   * first): their seq is past any index. Sorted stably (they come in time order already), so the applied ones
   * are always a prefix of the list (`pendingQueue`).
   */
  generate(generated: readonly Input[]): void {
    this.generated = [...generated].sort((a, b) => a.at - b.at);
    this.scheduleGenerated(0);
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
   * The queue without the inputs, which a snapshot keeps as positions: inputs and generated inputs apply in
   * the order of their lists, so the pending ones are each list from its first pending entry on. A long run
   * with thousands of requests ahead would otherwise copy every one of them into every checkpoint.
   */
  pendingQueue(): { queue: Scheduled<QueueEvent>[]; inputsFrom: number; generatedFrom: number } {
    const queue: Scheduled<QueueEvent>[] = [];
    let inputsFrom = this.inputs.length;
    let generatedFrom = this.generated.length;
    this.queue.forEach((entry) => {
      const kind = entry.event.kind;
      if (kind === 'input') inputsFrom = Math.min(inputsFrom, entry.seq);
      else if (kind === 'generated') generatedFrom = Math.min(generatedFrom, entry.seq - GENERATED_SEQ);
      else queue.push(entry);
    });
    return { queue, inputsFrom, generatedFrom };
  }

  /**
   * Rebuilds the queue from a snapshot's (`pendingQueue`): the inputs pending then (`inputsThen` from
   * `inputsFrom` on), and the ones added since, are scheduled again under their current positions; inputs
   * dropped since (a branch) are gone, and the applied ones stay applied. So are the generated inputs.
   */
  restoreQueue(
    queue: readonly Scheduled<QueueEvent>[],
    inputsThen: readonly Input[],
    inputsFrom: number,
    generatedFrom: number,
  ): void {
    const applied = new Set(inputsThen.slice(0, inputsFrom));
    this.queue.reset(queue);
    this.inputs.forEach((input, i) => {
      if (!applied.has(input)) this.queue.push({ atMs: input.at, phase: 1, seq: i, event: { kind: 'input', input } });
    });
    this.scheduleGenerated(generatedFrom);
  }

  private scheduleGenerated(from: number): void {
    for (let j = from; j < this.generated.length; j++) {
      const input = this.generated[j] as Input;
      this.queue.push({ atMs: input.at, phase: 1, seq: GENERATED_SEQ + j, event: { kind: 'generated', input } });
    }
  }

  private rescheduleFrom(index: number): void {
    this.queue.reset(this.queue.entries().filter((e) => e.event.kind !== 'input' || e.seq < index));
    for (let i = index; i < this.inputs.length; i++) {
      const input = this.inputs[i] as Input;
      this.queue.push({ atMs: input.at, phase: 1, seq: i, event: { kind: 'input', input } });
    }
  }
}
