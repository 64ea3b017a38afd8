import { z } from 'zod';
import type { NodeId } from '../basics';
import { quote } from '../quote';
import { nodeRef, time } from './fields';
import { FAULT_GLYPH, groupsText, type InputKind } from './kind';

export interface PartitionInput {
  readonly at: number;
  readonly type: 'partition';
  readonly groups: readonly (readonly string[])[];
}

/** Nodes in different groups cannot exchange messages; nodes not listed form one more group together. */
export const partition: InputKind<PartitionInput> = {
  type: 'partition',
  schema: z.strictObject({ at: time, type: z.literal('partition'), groups: z.array(z.array(nodeRef)).min(1) }),
  refs: (input) => input.groups.flatMap((group, g) => group.map((ref, i) => ({ field: `groups[${g}][${i}]`, ref }))),
  problems(input) {
    const seen = new Set<string>();
    const problems: string[] = [];
    input.groups.forEach((group, g) => {
      group.forEach((id, i) => {
        if (seen.has(id)) problems.push(`groups[${g}][${i}]: ${quote(id)} is in more than one group`);
        seen.add(id);
      });
    });
    return problems;
  },
  apply(input, host) {
    const groups: NodeId[][] = [];
    for (const group of input.groups) {
      const ids: NodeId[] = [];
      for (const ref of group) {
        const id = host.resolve(input, ref);
        if (id === null) return;
        ids.push(id);
      }
      groups.push(ids);
    }
    host.record({ t: host.nowMs, kind: 'fault', type: 'partition', groups });
    host.network.partition(groups);
  },
  describe: (input) => `partition ${groupsText(input.groups)}`,
  row: (input) => ({ kind: 'partition', target: groupsText(input.groups), hasText: false }),
  fault: {
    label: (fault) => `partition ${groupsText(fault.groups)}`,
    glyph: FAULT_GLYPH,
    effect: (fault) => ({ kind: 'partition', groups: fault.groups }),
  },
};
