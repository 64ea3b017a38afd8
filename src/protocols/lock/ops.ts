import type { Operation, OpGrammar } from '../../engine/clients';

/**
 * The lock's client operation (spec/protocols.md, `lock`): `update V` takes the lock, writes V to the
 * storage under it and releases it. Every update touches the one resource the lock guards, key `x`.
 */
const UPDATE = /^update (-?[0-9]{1,16})$/;

export const LOCK_KEY = 'x';

export const lockOps: OpGrammar = {
  names: ['update'],
  usage: 'update V',
  parse(command: string): Operation | null {
    const m = UPDATE.exec(command.trim());
    if (!m) return null;
    const value = Number(m[1]);
    return Number.isSafeInteger(value) ? { name: 'update', key: LOCK_KEY, args: [value] } : null;
  },
  workloadOp: (_name, _key, seq) => `update ${seq}`,
};

/** The value an `update` command writes, or null when it is not one. */
export function updateValue(command: string): string | null {
  const op = lockOps.parse(command);
  return op ? String(op.args[0]) : null;
}
