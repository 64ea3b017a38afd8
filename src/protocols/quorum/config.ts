import { z } from 'zod';

const ms = z.number().int().min(1).max(60_000);

/**
 * quorum's `config` keys (spec/protocols.md `quorum`; DeCandia et al., "Dynamo", SOSP 2007).
 * - `n` [3], `r` [2], `w` [2]: §6, "The common (N,R,W) configuration used by several instances of Dynamo is (3,2,2)".
 * - `sloppy` [true]: §4.6, reads and writes go to the first N healthy nodes of the walk, stand-ins included.
 * - `hintedHandoff` [true]: §4.6, a stand-in keeps a hinted replica and hands it to the intended node later.
 * - `readRepair` [true]: §5, the coordinator updates the replicas that answered a read with stale versions.
 * - `conflicts` [`vv`]: §4.4 vector clocks, concurrent versions kept as siblings (Riak `allow_mult`), or
 *   `lww`: the coordinator's clock and id decide (Cassandra's last write wins).
 * - `antiEntropyMs` [1000] (teaching): §4.7, how often a node synchronizes with a peer.
 * - `requestTimeoutMs` [300], `handoffMs` [500] (teaching): when a coordinator turns to stand-ins; how often a
 *   stand-in tries to hand a hinted replica back.
 * - `vnodes` [8] (teaching): tokens per node on the ring (§4.2, virtual nodes).
 * - `clientTimeoutMs` [1000] (teaching, spec §1.5): an operation unanswered by then ends `info`.
 */
export const quorumConfigSchema = z
  .strictObject({
    n: z.number().int().min(1).max(64).default(3),
    r: z.number().int().min(1).max(64).default(2),
    w: z.number().int().min(1).max(64).default(2),
    sloppy: z.boolean().default(true),
    hintedHandoff: z.boolean().default(true),
    readRepair: z.boolean().default(true),
    conflicts: z.enum(['vv', 'lww']).default('vv'),
    antiEntropyMs: ms.default(1000),
    requestTimeoutMs: ms.default(300),
    handoffMs: ms.default(500),
    vnodes: z.number().int().min(1).max(256).default(8),
    clientTimeoutMs: ms.default(1000),
  })
  .superRefine((c, ctx) => {
    if (c.r > c.n) ctx.addIssue({ code: 'custom', path: ['r'], message: `must not exceed n (${c.n})` });
    if (c.w > c.n) ctx.addIssue({ code: 'custom', path: ['w'], message: `must not exceed n (${c.n})` });
  });
