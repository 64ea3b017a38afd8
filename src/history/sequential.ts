import type { SequentialModel } from '../engine/clients';
import type { CheckOp } from './ops';
import { type SearchVerdict, STEP_BUDGET, stateKey } from './search';

/**
 * Is one key's history sequentially consistent? Lamport 1979: some total order, legal for the model, that keeps
 * each client's operations in the order it invoked them (§1.5); real time between clients does not count. The
 * ops taken so far are then a prefix of each client's list, so a configuration is the prefix lengths and the
 * model state, memoized as in the linearizability search. An `info` op may be applied (outcome unknown) or
 * skipped (it never took effect).
 */
export function searchSequential(
  ops: readonly CheckOp[],
  model: SequentialModel,
  budget: number = STEP_BUDGET,
): SearchVerdict {
  const byClient = new Map<string, CheckOp[]>();
  for (const op of [...ops].sort((a, b) => a.invokeAt - b.invokeAt || a.id - b.id)) {
    const list = byClient.get(op.client);
    if (list === undefined) byClient.set(op.client, [op]);
    else list.push(op);
  }
  const chains = [...byClient.values()];
  const choices = 2 * chains.length;
  const pos = new Int32Array(chains.length);
  let left = ops.length;
  const memo = new Set<string>();
  const states: unknown[] = [model.init(ops[0]?.op.key ?? '')];
  const tried: number[] = [0];
  const moved: number[] = [];
  let steps = 0;
  for (;;) {
    if (left === 0) return 'ok';
    const depth = tried.length - 1;
    const choice = tried[depth] as number;
    if (choice >= choices) {
      tried.pop();
      states.pop();
      const client = moved.pop();
      if (client === undefined) return 'violation';
      pos[client] = (pos[client] as number) - 1;
      left++;
      continue;
    }
    tried[depth] = choice + 1;
    const client = choice >> 1;
    const isSkip = (choice & 1) === 1;
    const op = chains[client]?.[pos[client] as number];
    if (op === undefined || (isSkip && !op.isInfo)) continue;
    const state = states[depth];
    let next: unknown = state;
    if (!isSkip) {
      if (++steps > budget) return 'unknown';
      next = model.step(state, op.op, op.outcome);
      if (next === undefined) continue;
    }
    pos[client] = (pos[client] as number) + 1;
    const key = `${pos.join(',')}|${stateKey(model, next)}`;
    if (memo.has(key)) {
      pos[client] = (pos[client] as number) - 1;
      continue;
    }
    memo.add(key);
    left--;
    moved.push(client);
    states.push(next);
    tried.push(0);
  }
}
