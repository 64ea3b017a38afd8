import { z } from 'zod';
import type { NodeRef } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import type { TwoPcConfig, TxId } from './types';

/** `n3` or `n3:t2`: a node id (the scenario's id format), optionally a colon and a transaction id. */
const NO_VOTE = /^[a-z0-9-]{1,16}(:.{1,200})?$/;

/**
 * The 2pc keys of a scenario's `config`. The parsed value keeps the file's shape (it is written back
 * on export), so `noVotes` stays a list of strings and `votesNo` reads it.
 * - `noVotes` [[]]: participants that vote no, `"n3"` (always) or `"n3:t2"` (on t2 only).
 * - `voteTimeoutMs` [500]: the coordinator aborts a transaction whose votes are not all in by then.
 * - `retryMs` [200]: how often the coordinator resends Prepare to participants that have not voted and
 *   a decision to participants that have not acknowledged it, and how often a prepared participant whose
 *   decision is late (more than `voteTimeoutMs` after it voted) asks the coordinator for it.
 */
export const twoPcConfigSchema = z.strictObject({
  noVotes: z
    .array(z.string().regex(NO_VOTE, 'must be a node id ("n3") or a node id and a transaction id ("n3:t2")'))
    .max(1000)
    .default([]),
  voteTimeoutMs: z.number().int().min(1).max(60_000).default(500),
  retryMs: z.number().int().min(1).max(60_000).default(200),
});

/** The node each `noVotes` entry names (`n3` of `"n3:t2"`), for the scenario parser's reference check. */
export function twoPcRefs(config: TwoPcConfig): NodeRef[] {
  return config.noVotes.map((entry, i) => ({ path: ['config', 'noVotes', i], node: nodeOf(entry) }));
}

const nodeOf = (entry: string): NodeId => {
  const colon = entry.indexOf(':');
  return colon < 0 ? entry : entry.slice(0, colon);
};

/** Does `node` vote no on `tx`, by the config? */
export function votesNo(config: TwoPcConfig, node: NodeId, tx: TxId): boolean {
  return config.noVotes.some((entry) => {
    const colon = entry.indexOf(':');
    return colon < 0 ? entry === node : entry.slice(0, colon) === node && entry.slice(colon + 1) === tx;
  });
}
