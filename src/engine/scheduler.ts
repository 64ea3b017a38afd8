import type { VirtualMs } from './types';

/**
 * Events at equal times are ordered by phase, then by sequence number, so the order is total and never
 * depends on a sort's whims. Phase 0 holds what the simulation schedules (deliveries, timers); phase 1
 * holds the user's inputs, so an input at time t applies after everything the run itself had at t. That
 * is exactly the state a paused app is in when a user clicks, so a live click and its replay agree.
 */
export interface Scheduled<E> {
  readonly atMs: VirtualMs;
  readonly phase: 0 | 1;
  readonly seq: number;
  readonly event: E;
}

function before<E>(a: Scheduled<E>, b: Scheduled<E>): boolean {
  if (a.atMs !== b.atMs) return a.atMs < b.atMs;
  if (a.phase !== b.phase) return a.phase < b.phase;
  return a.seq < b.seq;
}

/** A binary min-heap of timed events. Its entries are immutable, so a snapshot is a copy of the array. */
export class Scheduler<E> {
  private heap: Scheduled<E>[];

  constructor(entries: readonly Scheduled<E>[] = []) {
    this.heap = [];
    this.reset(entries);
  }

  /** Replaces every entry (a restore, or a filtered copy of `entries()`). A sorted array is a valid heap. */
  reset(entries: readonly Scheduled<E>[]): void {
    this.heap = entries.slice().sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }

  get size(): number {
    return this.heap.length;
  }

  entries(): readonly Scheduled<E>[] {
    return this.heap.slice();
  }

  /** Visits every entry in heap order (not time order); for views that scan what is pending. */
  forEach(visit: (entry: Scheduled<E>) => void): void {
    for (const entry of this.heap) visit(entry);
  }

  push(entry: Scheduled<E>): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as Scheduled<E>;
      if (!before(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  peek(): Scheduled<E> | undefined {
    return this.heap[0];
  }

  pop(): Scheduled<E> | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && before(heap[right] as Scheduled<E>, heap[left] as Scheduled<E>)) child = right;
      const c = heap[child] as Scheduled<E>;
      if (!before(c, last)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
