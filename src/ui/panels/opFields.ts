import type { OpGrammar } from '../../engine/clients';

/**
 * The arguments an operation takes, named as the grammar's usage writes them (`cas K V1 V2` -> key `K`,
 * values `V1`, `V2`), so the request form fits any protocol's `ops` (spec/protocols.md §1.5).
 */
export function opFields(ops: OpGrammar, name: string): { readonly key: string; readonly values: readonly string[] } {
  const usage = ops.usage.split(',').map((part) => part.trim().split(/\s+/));
  const words = usage.find((w) => w[0] === name) ?? [name, 'K'];
  const [, key = 'K', ...values] = words;
  return { key, values };
}
