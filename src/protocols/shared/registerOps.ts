import type { Operation, OpGrammar } from '../../engine/clients';

/**
 * The shared register grammar (spec/protocols.md §1.5; model `register`, one register per key):
 * `read K` -> ok with an integer or null (never written); `write K V` -> ok; `cas K V1 V2` -> ok if K held V1
 * (now V2), else fail. K matches `[a-z0-9_-]{1,16}`, V is a safe integer. Jepsen's register workload
 * (jepsen.tests.linearizable-register) has the same three operations.
 */
export const REGISTER_KEY = /^[a-z0-9_-]{1,16}$/;

const INTEGER = /^-?\d{1,16}$/;

/** A safe integer written in decimal, or null. */
function integer(text: string): number | null {
  if (!INTEGER.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

function parseRegisterOp(command: string): Operation | null {
  const words = command.trim().split(/\s+/);
  const [name, key, ...rest] = words;
  if (key === undefined || !REGISTER_KEY.test(key)) return null;
  const args = rest.map(integer);
  if (args.some((a) => a === null)) return null;
  const values = args as number[];
  if (name === 'read' && values.length === 0) return { name, key, args: [] };
  if (name === 'write' && values.length === 1) return { name, key, args: values };
  if (name === 'cas' && values.length === 2) return { name, key, args: values };
  return null;
}

export const registerOps: OpGrammar = {
  names: ['read', 'write', 'cas'],
  usage: 'read K, write K V, cas K V1 V2',
  parse: parseRegisterOp,
  // §1.5: `read K`, `write K seq`, `cas K last seq`: unique values, as Jepsen generates them.
  workloadOp(name, key, seq, last) {
    if (name === 'write') return `write ${key} ${seq}`;
    if (name === 'cas') return `cas ${key} ${last} ${seq}`;
    return `read ${key}`;
  },
};
