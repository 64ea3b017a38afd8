import type { SequentialModel } from '../engine/clients';
import type { CheckOp } from './ops';

/** What a search of one key found: a valid order, none, or no answer within the step budget. */
export type SearchVerdict = 'ok' | 'violation' | 'unknown';

/** §1.5: at most this many model steps per key and model; past it the verdict is `unknown`. */
export const STEP_BUDGET = 1_000_000;

/**
 * Is there a linearization of one key's ops? Wing & Gong 1993's search with Lowe 2017's just-in-time
 * linearization, as Porcupine (checker.go, checkSingle) and Knossos (`wgl`) run it: the unlinearized ops sit in
 * a doubly linked list in invocation order; only ops invoked no later than the earliest pending completion may
 * go next (Lowe 2017 §4: any other would follow an op that returned before it began); a dead end undoes the
 * last op taken (dancing links: lift and unlift in O(1)). Memoized on (linearized set, model state)
 * (Lowe 2017 §3): a configuration seen once is never searched again.
 * Ops invoked and completing at the same time count as concurrent (Porcupine orders calls first).
 * `info` ops have no completion: they may be linearized whenever they are a candidate, or never.
 */
export function searchLinearizable(
  ops: readonly CheckOp[],
  model: SequentialModel,
  budget: number = STEP_BUDGET,
): SearchVerdict {
  const n = ops.length;
  const byInvoke = ops.map((_, i) => i).sort((a, b) => cmp(ops[a], ops[b], 'invokeAt'));
  const byComplete = byInvoke.filter((i) => !ops[i]?.isInfo).sort((a, b) => cmp(ops[a], ops[b], 'completeAt'));
  // Two circular lists with sentinel n: in invocation order (candidates) and completion order (the bound).
  const inv = links(byInvoke, n);
  const ret = links(byComplete, n);
  let required = byComplete.length;
  const memo = new Set<string>();
  const hash = new SetHash(n);
  const stackOp: number[] = [];
  const stackState: unknown[] = [];
  let state = model.init(ops[0]?.op.key ?? '');
  let cursor = inv.next[n] as number;
  let steps = 0;
  for (;;) {
    if (required === 0) return 'ok';
    const bound = (ops[ret.next[n] as number] as CheckOp).completeAt;
    const candidate = cursor === n ? undefined : (ops[cursor] as CheckOp);
    if (candidate !== undefined && candidate.invokeAt <= bound) {
      if (++steps > budget) return 'unknown';
      const next = model.step(state, candidate.op, candidate.outcome);
      if (next !== undefined) {
        hash.toggle(cursor);
        const key = `${hash.text()}|${stateKey(model, next)}`;
        if (!memo.has(key)) {
          memo.add(key);
          stackOp.push(cursor);
          stackState.push(state);
          state = next;
          lift(inv, cursor);
          if (!candidate.isInfo) {
            lift(ret, cursor);
            required--;
          }
          cursor = inv.next[n] as number;
          continue;
        }
        hash.toggle(cursor);
      }
      cursor = inv.next[cursor] as number;
      continue;
    }
    // No candidate left here: undo the last op taken and try the one after it.
    const last = stackOp.pop();
    if (last === undefined) return 'violation';
    state = stackState.pop();
    hash.toggle(last);
    if (!(ops[last] as CheckOp).isInfo) {
      unlift(ret, last);
      required++;
    }
    unlift(inv, last);
    cursor = inv.next[last] as number;
  }
}

function cmp(a: CheckOp | undefined, b: CheckOp | undefined, field: 'invokeAt' | 'completeAt'): number {
  const x = a as CheckOp;
  const y = b as CheckOp;
  return x[field] - y[field] || x.id - y.id;
}

/** The model's memo key for a state, typed so that 1 and "1" differ. */
export function stateKey(model: SequentialModel, state: unknown): string {
  const key = model.key(state);
  return typeof key === 'string' ? `s${key}` : String(key);
}

interface Links {
  readonly next: Int32Array;
  readonly prev: Int32Array;
}

function links(order: readonly number[], sentinel: number): Links {
  const next = new Int32Array(sentinel + 1).fill(-1);
  const prev = new Int32Array(sentinel + 1).fill(-1);
  let before = sentinel;
  for (const i of order) {
    next[before] = i;
    prev[i] = before;
    before = i;
  }
  next[before] = sentinel;
  prev[sentinel] = before;
  return { next, prev };
}

function lift(l: Links, i: number): void {
  l.next[l.prev[i] as number] = l.next[i] as number;
  l.prev[l.next[i] as number] = l.prev[i] as number;
}

/** Undoes `lift(l, i)`; lifts are undone in reverse order, so i's neighbours are as they were (Knuth 2000). */
function unlift(l: Links, i: number): void {
  l.next[l.prev[i] as number] = i;
  l.prev[l.next[i] as number] = i;
}

/**
 * The linearized set as a 96-bit Zobrist hash (Zobrist 1970): each op owns three fixed pseudo-random words,
 * XORed in when it is linearized and out when it is undone, so the memo key costs O(1) per step instead of a
 * copy of the bitset. Two different sets share a key with odds about steps^2 / 2^97 (below 1e-17 within the
 * budget). The words come from splitmix32 of the op's index: the same on every run.
 */
class SetHash {
  private readonly words: Uint32Array;
  private a = 0;
  private b = 0;
  private c = 0;
  constructor(n: number) {
    this.words = new Uint32Array(3 * n);
    let seed = 0x9e3779b9;
    for (let i = 0; i < this.words.length; i++) {
      seed = (seed + 0x9e3779b9) | 0;
      let z = seed;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.words[i] = (z ^ (z >>> 16)) >>> 0;
    }
  }
  toggle(i: number): void {
    this.a ^= this.words[3 * i] as number;
    this.b ^= this.words[3 * i + 1] as number;
    this.c ^= this.words[3 * i + 2] as number;
  }
  text(): string {
    return `${this.a},${this.b},${this.c}`;
  }
}
