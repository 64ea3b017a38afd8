import { z } from 'zod';
import type { NodeRef } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import { NODE_ID_PATTERN } from '../ids';
import type { Entry, RaftPersistent } from './types';

const timeoutRange = z
  .tuple([z.number().int().min(1).max(60_000), z.number().int().min(1).max(60_000)])
  .refine(([lo, hi]) => lo <= hi, 'the minimum must not exceed the maximum');

export const raftConfigSchema = z.strictObject({
  electionTimeoutMs: timeoutRange.default([150, 300]),
  heartbeatMs: z.number().int().min(1).max(60_000).default(50),
  preVote: z.boolean().default(false),
  checkQuorum: z.boolean().default(false),
  maxEntriesPerAppend: z.number().int().min(1).max(10_000).default(16),
});

const entry = z.union([
  z
    .number()
    .int()
    .min(0)
    .transform((term): Entry => ({ term, command: '' })),
  z.strictObject({ term: z.number().int().min(0), command: z.string().max(200).default('') }),
]);

/** A node's entry in a scenario's `initial` map: the persistent state to start from. */
export const raftInitialSchema = z
  .strictObject({
    term: z.number().int().min(0).default(0),
    votedFor: z.string().regex(NODE_ID_PATTERN).nullable().default(null),
    log: z.array(entry).max(100_000).default([]),
  })
  .superRefine((state, ctx) => {
    state.log.forEach((e, i) => {
      const previous = state.log[i - 1];
      if (previous && e.term < previous.term) {
        ctx.addIssue({ code: 'custom', path: ['log', i], message: 'terms in a log never decrease' });
      }
      if (e.term > state.term) {
        ctx.addIssue({
          code: 'custom',
          path: ['log', i],
          message: `entry term ${e.term} is above the node's term ${state.term}`,
        });
      }
    });
  })
  .transform((state): RaftPersistent => state);

/** The node each initial state's `votedFor` names, for the scenario parser's reference check. */
export function raftRefs(_config: unknown, initial: Readonly<Record<NodeId, unknown>>): NodeRef[] {
  return Object.entries(initial).flatMap(([id, state]) => {
    const { votedFor } = state as RaftPersistent;
    return votedFor === null ? [] : [{ path: ['initial', id, 'votedFor'], node: votedFor }];
  });
}
