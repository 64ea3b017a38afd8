import type { SequentialModel } from '../engine/clients';
import type { CheckOp } from './ops';

/**
 * The definitions, tried exhaustively, for the property tests: every order of the ops that keeps real-time
 * order (linearizability, Herlihy & Wing 1990 §3: a op that completed before b began comes first) or each
 * client's invoke order (sequential consistency, Lamport 1979), in which each op with a known outcome appears
 * and each unknown op appears or not. Exponential: for a handful of ops only.
 */
export function bruteForce(
  ops: readonly CheckOp[],
  model: SequentialModel,
  order: 'linearizable' | 'sequential',
): boolean {
  const done = new Array<boolean>(ops.length).fill(false);
  const mayGo = (i: number): boolean => {
    const op = ops[i] as CheckOp;
    return ops.every((other, j) => {
      if (done[j] || j === i) return true;
      if (order === 'linearizable') return !(other.completeAt < op.invokeAt);
      return !(
        other.client === op.client &&
        (other.invokeAt < op.invokeAt || (other.invokeAt === op.invokeAt && other.id < op.id))
      );
    });
  };
  const go = (state: unknown): boolean => {
    if (ops.every((op, j) => done[j] || op.isInfo)) return true;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i] as CheckOp;
      if (done[i] || !mayGo(i)) continue;
      done[i] = true;
      const next = model.step(state, op.op, op.outcome);
      // An unknown op may also never take effect: then it is out of the order.
      if ((next !== undefined && go(next)) || (op.isInfo && go(state))) {
        done[i] = false;
        return true;
      }
      done[i] = false;
    }
    return false;
  };
  return go(model.init(ops[0]?.op.key ?? ''));
}
