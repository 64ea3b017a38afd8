import type { Operation, SequentialModel } from '../engine/clients';
import { registerOps } from '../protocols/shared/registerOps';

/**
 * The register model (spec/protocols.md §1.5): one register per key, state an integer or null (never written).
 * `read K` returns the state; `write K V` sets it; `cas K V1 V2` sets V2 if the register held V1, else fails.
 * The sequential specification of Herlihy & Wing 1990 §2 for a read/write register, with Jepsen's cas.
 */
export type RegisterState = number | null;

export const registerModel: SequentialModel<RegisterState> = {
  id: 'register',
  init: () => null,
  step(state, op, outcome) {
    switch (op.name) {
      case 'read':
        // An unknown read tells nothing (it is removed before the search); an ok read must see the state.
        if (outcome === null) return state;
        return outcome.result === 'ok' && sameValue(outcome.value, state) ? state : undefined;
      case 'write': {
        const value = asInteger(op.args[0]);
        if (value === undefined) return undefined;
        return outcome === null || outcome.result === 'ok' ? value : undefined;
      }
      case 'cas': {
        const from = asInteger(op.args[0]);
        const to = asInteger(op.args[1]);
        if (from === undefined || to === undefined) return undefined;
        const holds = state === from;
        // §1.5: an unknown cas took effect or did not; from this state only one of them changes anything.
        if (outcome === null) return holds ? to : state;
        if (outcome.result === 'ok') return holds ? to : undefined;
        return holds ? undefined : state;
      }
      default:
        return undefined;
    }
  },
  key: (state) => state,
};

function asInteger(value: number | string | undefined): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
}

function sameValue(value: number | string | null, state: RegisterState): boolean {
  return value === state;
}

/** The register grammar's commands (§1.5), read by the one grammar requests are parsed by; null when not one. */
export function parseRegisterCommand(command: string): Operation | null {
  return registerOps.parse(command);
}

/**
 * The unknown writes and cas a register search may leave out (§1.5 lets any unknown op never take effect):
 * one whose value is never observed, no ok read returning it and no cas expecting it. Taking it would only set
 * the register to a value nothing reads until the next write, so a valid order with it stays valid without
 * it. Without this, every crashed writer doubles the configurations a failing search must exhaust (Jepsen's
 * unique values make most unknown writes unobserved). Returns the ids to leave out.
 */
export function unobservedUnknowns(
  ops: readonly { id: number; isInfo: boolean; op: Operation; outcome: { value: number | string | null } | null }[],
): Set<number> {
  const observed = new Set<number | string | null>();
  for (const { op, outcome } of ops) {
    if (op.name === 'read' && outcome !== null) observed.add(outcome.value);
    if (op.name === 'cas') observed.add(op.args[0] ?? null);
  }
  const out = new Set<number>();
  for (const { id, isInfo, op } of ops) {
    if (!isInfo) continue;
    const written = op.name === 'write' ? op.args[0] : op.name === 'cas' ? op.args[1] : undefined;
    if (written !== undefined && !observed.has(written)) out.add(id);
  }
  return out;
}
